import Foundation
import Lang
import Testing
@testable import REPL

/// The REPL's greeting, and blocks typed over several lines kept as one history entry.
@MainActor
@Suite struct BannerAndHistoryTests {
    @Test func bannerOnlyForAPersonAtATerminal() {
        #expect(Banner.shows(inputIsTerminal: true, outputIsTerminal: true, quiet: false))
        #expect(!Banner.shows(inputIsTerminal: false, outputIsTerminal: true, quiet: false))
        #expect(!Banner.shows(inputIsTerminal: true, outputIsTerminal: false, quiet: false))
        #expect(!Banner.shows(inputIsTerminal: false, outputIsTerminal: false, quiet: false))
        #expect(!Banner.shows(inputIsTerminal: true, outputIsTerminal: true, quiet: true))
    }

    @Test func bannerIsOneLineWithVersionHelpAndCtrlD() {
        let text = Banner.text(version: KvreplCommand.version, seed: 7)
        #expect(text == "kvrepl 0.1.0 (seed 7): \"help\" lists the commands, Tab completes, Ctrl-D quits\n")
        #expect(text.filter { $0 == "\n" }.count == 1)
        #expect(text.count <= 80)
    }

    func run(_ inputs: [LineInput]) -> (reader: ScriptedLineReader, printed: String) {
        var printed = ""
        let reader = ScriptedLineReader(inputs)
        let session = Session(options: SessionOptions(readFile: { _ in "" }), output: { _, text in printed += text })
        let output = TerminalOutput.discarding()
        #expect(InteractiveREPL(session: session, output: output, reader: reader).run() == 0)
        return (reader, printed)
    }

    @Test func aBlockOverSeveralLinesIsOneHistoryEntry() {
        let (reader, printed) = run([.line("add n1 n2"), .line("at 5s {"), .line("  kill n1"), .line("}"),
                                     .line("repeat 2 {"), .line("  echo k$i"), .line("}"), .line("echo done")])
        #expect(reader.remembered == ["add n1 n2", "at 5s {\n  kill n1\n}", "repeat 2 {\n  echo k$i\n}", "echo done"])
        #expect(printed == "k1\nk2\ndone\n")
    }

    /// What history gives back is run as typed: a recalled block arrives as one line with newlines.
    @Test func aRecalledBlockRunsWhole() {
        let (reader, printed) = run([.line("repeat 2 {\n  echo k$i\n}"), .line("echo done")])
        #expect(reader.remembered == ["repeat 2 {\n  echo k$i\n}", "echo done"])
        #expect(printed == "k1\nk2\ndone\n")
        #expect(reader.prompts == ["kvrepl 0s> ", "kvrepl 0s> ", "kvrepl 0s> "])
    }

    /// Ctrl-C abandons the whole open block: nothing of it runs or goes to history.
    @Test func anAbandonedBlockIsNotRemembered() {
        let (reader, printed) = run([.line("repeat 2 {"), .line("  echo k$i"), .interrupted, .line("echo after")])
        #expect(reader.remembered == ["echo after"])
        #expect(printed == "after\n")
    }

    /// Through libedit: the history file holds the block as one entry (newlines escaped as \012).
    @Test func theHistoryFileHoldsTheBlockAsOneEntry() throws {
        guard let api = LibEdit.load() else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history").path
        #expect(HistoryFile.prepareDirectory(for: path))
        let reader = LibEditLineReader(api: api, historyPath: path, completionContext: { CompletionContext() })
        reader.remember("at 5s {\n  heal\n}")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.last == "at\\0405s\\040{\\012\\040\\040heal\\012}")
        #expect(!lines.contains("}"))
    }
}
