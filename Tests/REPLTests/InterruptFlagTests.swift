import Testing
@testable import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The SIGINT handler's newline: during a run it ends the terminal's `^C` line; at the prompt the
/// line reader does that itself. (In `InteractiveREPLTests`, whose tests run one at a time on the
/// main actor, so that no other test takes the flag meanwhile.)
extension InteractiveREPLTests {
    @Test func ctrlCDuringARunEndsTheLineButNotAtThePrompt() throws {
        var previous = sigaction()
        sigaction(SIGINT, nil, &previous)
        var fds: [Int32] = [-1, -1]
        try #require(pipe(&fds) == 0)
        defer {
            sigaction(SIGINT, &previous, nil)
            InterruptFlag.setEchoDescriptor(-1)
            close(fds[0])
            close(fds[1])
        }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        InterruptFlag.install()
        InterruptFlag.setEchoDescriptor(fds[1])
        _ = InterruptFlag.take()

        func interruptAndWait() -> Bool {
            kill(getpid(), SIGINT)
            for _ in 0..<200 {
                if InterruptFlag.take() { return true }
                usleep(5_000)
            }
            return false
        }
        func pending() -> String {
            var buffer = [UInt8](repeating: 0, count: 16)
            let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            return n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self) : ""
        }

        #expect(interruptAndWait())
        #expect(pending() == "\n")
        #expect(InterruptFlag.atPrompt { interruptAndWait() })
        #expect(pending() == "")
    }
}
