import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum TerminalError: Error {
    case cannotOpen(String)
    case timedOut(waitingFor: String, seen: String)
}

/// `kvrepl` running on a pseudo-terminal, so that it sees a terminal on stdin and starts the
/// interactive REPL with libedit. Keys are typed into the master side and the screen's bytes are
/// read back from it.
final class KvreplOnTerminal {
    private let process = Process()
    private let master: Int32
    private(set) var screen = ""

    /// With `controllingTerminal`, kvrepl runs through `setsid --ctty` in a session of its own whose
    /// controlling terminal is this one, so that Ctrl-C typed here reaches it as SIGINT (and libedit's
    /// re-raising of the signal to its process group stays inside that session).
    init(args: [String] = [], environment: [String: String] = [:], controllingTerminal: Bool = false) throws {
        let pty = try PseudoTerminalFunctions()
        master = pty.openMaster(O_RDWR | O_NOCTTY)
        guard master >= 0, pty.grant(master) == 0, pty.unlock(master) == 0, let name = pty.slaveName(master) else {
            throw TerminalError.cannotOpen("posix_openpt")
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw TerminalError.cannotOpen(String(cString: name)) }
        defer { close(slave) } // the child keeps its own copies
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        if controllingTerminal {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["--ctty", "--wait", try kvreplBinary().path] + args
        } else {
            process.executableURL = try kvreplBinary()
            process.arguments = args
        }
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types `keys` (a Tab is "\t", Enter "\r", Ctrl-D "\u{4}") once libedit has put the terminal in
    /// raw mode: keys that arrive before are taken by the line discipline instead.
    func type(_ keys: String) {
        let deadline = Date().addingTimeInterval(10)
        var attributes = termios()
        while Date() < deadline, tcgetattr(master, &attributes) == 0, attributes.c_lflag & tcflag_t(ICANON) != 0 {
            _ = readSome(timeoutMilliseconds: 20)
        }
        Thread.sleep(forTimeInterval: 0.1)
        let bytes = Array(keys.utf8)
        bytes.withUnsafeBytes { _ = write(master, $0.baseAddress, $0.count) }
    }

    /// Reads the screen until `text` appears `count` times in it (or the time runs out).
    func waitFor(_ text: String, count: Int = 1, seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while screen.components(separatedBy: text).count - 1 < count {
            guard Date() < deadline, readSome(timeoutMilliseconds: 100) || process.isRunning else {
                throw TerminalError.timedOut(waitingFor: text, seen: screen)
            }
        }
    }

    /// Waits for the process to exit (reading what it still prints) and returns its status.
    func waitForExit(seconds: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            guard Date() < deadline else {
                process.terminate()
                throw TerminalError.timedOut(waitingFor: "exit", seen: screen)
            }
            _ = readSome(timeoutMilliseconds: 50)
        }
        while readSome(timeoutMilliseconds: 50) {}
        return process.terminationStatus
    }

    /// Reads what is available; false when nothing came (timeout, or the child side closed).
    private func readSome(timeoutMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard n > 0 else { return false }
        screen += String(decoding: buffer[0..<n], as: UTF8.self)
        return true
    }
}

/// `posix_openpt`, `grantpt`, `unlockpt` and `ptsname` from the C library. Glibc's module map hides
/// them (they need _XOPEN_SOURCE), so they are looked up at run time.
private struct PseudoTerminalFunctions {
    let openMaster: @convention(c) (Int32) -> Int32
    let grant: @convention(c) (Int32) -> Int32
    let unlock: @convention(c) (Int32) -> Int32
    let slaveName: @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    init() throws {
        let process = dlopen(nil, RTLD_NOW)
        func function<T>(_ name: String, _ type: T.Type) throws -> T {
            guard let address = dlsym(process, name) else { throw TerminalError.cannotOpen(name) }
            return unsafeBitCast(address, to: type)
        }
        openMaster = try function("posix_openpt", (@convention(c) (Int32) -> Int32).self)
        grant = try function("grantpt", (@convention(c) (Int32) -> Int32).self)
        unlock = try function("unlockpt", (@convention(c) (Int32) -> Int32).self)
        slaveName = try function("ptsname", (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
    }
}
