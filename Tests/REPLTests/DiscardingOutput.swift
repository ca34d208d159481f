#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import REPL

extension TerminalOutput {
    /// Output that goes nowhere, for tests that read what the session printed instead.
    static func discarding() -> TerminalOutput {
        TerminalOutput(out: FileDescriptorWriter(fd: open("/dev/null", O_WRONLY)),
                       err: FileDescriptorWriter(fd: open("/dev/null", O_WRONLY)))
    }
}
