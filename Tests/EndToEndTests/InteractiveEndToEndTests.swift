import Foundation
import Testing

/// The REPL on a real (pseudo-)terminal: prompt, tab completion through libedit, history file,
/// Ctrl-C, Ctrl-D.
@Suite struct InteractiveEndToEndTests {
    @Test func promptCompletionHistoryAndCtrlD() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let terminal = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path])

        try terminal.waitFor("kvrepl 0s> ")
        // What libedit draws is escape sequences, not plain text; the history file says what the
        // completed line was.
        for keys in ["sh\t", " r\t", "\r"] { terminal.type(keys) }
        try terminal.waitFor("kvrepl 0s> ", count: 2)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)

        // libedit stores blanks as \040: `sh` Tab gave `show `, ` r` Tab gave `ring `.
        let history = try String(contentsOf: state.appendingPathComponent("kvrepl/history"), encoding: .utf8)
        #expect(history.contains("show\\040\\040ring\\040"))
    }

    @Test func historyIsReadBackInTheNextSession() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let first = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path])
        try first.waitFor("kvrepl 0s> ")
        first.type("echo remembered\r")
        try first.waitFor("kvrepl 0s> ", count: 2)
        first.type("\u{4}")
        #expect(try first.waitForExit() == 0)

        let second = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path])
        try second.waitFor("kvrepl 0s> ")
        second.type("\u{1B}[A") // Up arrow
        try second.waitFor("echo remembered")
        second.type("\u{15}\u{4}") // Ctrl-U clears the line, Ctrl-D leaves
        #expect(try second.waitForExit() == 0)
    }

    @Test func ctrlCAtThePromptAbandonsTheLineAndNeverExits() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let terminal = try KvreplOnTerminal(environment: ["XDG_STATE_HOME": state.path], controllingTerminal: true)
        try terminal.waitFor("kvrepl 0s> ")
        terminal.type("abandoned")
        terminal.type("\u{3}")
        try terminal.waitFor("kvrepl 0s> ", count: 2)
        terminal.type("\u{3}")
        try terminal.waitFor("kvrepl 0s> ", count: 3)
        terminal.type("echo after\r")
        try terminal.waitFor("kvrepl 0s> ", count: 4)
        terminal.type("\u{4}")
        #expect(try terminal.waitForExit() == 0)

        let history = try String(contentsOf: state.appendingPathComponent("kvrepl/history"), encoding: .utf8)
        #expect(history.contains("echo\\040after"))
        #expect(!history.contains("abandoned"))
    }
}
