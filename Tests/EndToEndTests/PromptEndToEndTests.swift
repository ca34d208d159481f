import Foundation
import Testing

/// The prompt's greeting, `show ring` and multi-line history on a real (pseudo-)terminal, and no
/// greeting where no one is at a terminal.
@Suite struct PromptEndToEndTests {
    static let banner = "kvrepl 0.1.0 (seed 1): \"help\" lists the commands, Tab completes, Ctrl-D quits"

    func stateDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-state-\(UUID().uuidString)")
    }

    @Test func bannerOnATerminalThenThePrompt() throws {
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let terminal = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path])
        try terminal.waitFor("kvrepl 0s> ")
        #expect(terminal.screen.hasPrefix(Self.banner + "\r\n"))
        terminal.type("add n1 n2\r")
        try terminal.waitFor("kvrepl 0s> ", count: 2)
        terminal.type("show ring\r")
        try terminal.waitFor("ranges (% of the ring)")
        try terminal.waitFor("kvrepl 0s> ", count: 3)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.screen.components(separatedBy: Self.banner).count == 2)
    }

    @Test func noBannerUnderQuiet() throws {
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let terminal = try KvreplOnTerminal(args: ["--quiet"], environment: ["XDG_STATE_HOME": state.path])
        try terminal.waitFor("kvrepl 0s> ")
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screen.contains("Ctrl-D quits"))
    }

    @Test func noBannerForAPipedScript() throws {
        let result = try runKvrepl(args: [], stdin: "echo hi\n")
        #expect(result.out == "hi\n0 passed, 0 failed\n")
    }

    /// A block typed over three lines is one entry in the history file, and the next session's
    /// Up arrow recalls it whole: Enter runs it again.
    @Test func aBlockIsOneHistoryEntryRecalledWhole() throws {
        let state = stateDirectory()
        defer { try? FileManager.default.removeItem(at: state) }
        let first = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path])
        try first.waitFor("kvrepl 0s> ")
        first.type("repeat 2 {\r")
        try first.waitFor("   ...> ")
        first.type("echo again$i\r")
        try first.waitFor("   ...> ", count: 2)
        first.type("}\r")
        try first.waitFor("again2")
        try first.waitFor("kvrepl 0s> ", count: 2)
        first.type("\u{4}")
        #expect(try first.waitForExit() == 0)
        let history = try String(contentsOf: state.appendingPathComponent("kvrepl/history"), encoding: .utf8)
        #expect(history.split(separator: "\n").last == "repeat\\0402\\040{\\012echo\\040again$i\\012}")

        let second = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path])
        try second.waitFor("kvrepl 0s> ")
        second.type("\u{1B}[A") // Up arrow
        try second.waitFor("echo again$i")
        second.type("\r")
        try second.waitFor("again2")
        try second.waitFor("kvrepl 0s> ", count: 2)
        second.type("\u{4}")
        #expect(try second.waitForExit() == 0)
        #expect(!second.screen.contains("   ...> "))
    }
}
