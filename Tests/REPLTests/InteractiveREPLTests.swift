import Lang
import Testing
@testable import REPL

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line reader that plays back scripted input and records what the REPL asked of it.
@MainActor
final class ScriptedLineReader: LineReader {
    var inputs: [LineInput]
    var prompts: [String] = []
    var remembered: [String] = []

    init(_ inputs: [LineInput]) { self.inputs = inputs }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func remember(_ line: String) { remembered.append(line) }
}

@MainActor
@Suite struct InteractiveREPLTests {
    /// Output that goes nowhere (tests check the reader, not the terminal).
    let quietOutput = TerminalOutput.discarding()

    func makeREPL(_ reader: ScriptedLineReader) -> InteractiveREPL {
        let options = SessionOptions(readFile: { _ in "" })
        return InteractiveREPL(session: Session(options: options, output: { _, _ in }), output: quietOutput,
                               reader: reader)
    }

    @Test func endOfInputLeavesWithStatusZero() {
        let reader = ScriptedLineReader([])
        #expect(makeREPL(reader).run() == 0)
        #expect(reader.prompts == ["kvrepl 0s> "])
    }

    @Test func ctrlCGivesAFreshPromptAndNeverExits() {
        let reader = ScriptedLineReader([.interrupted, .interrupted, .line("echo hi"), .interrupted])
        #expect(makeREPL(reader).run() == 0)
        #expect(reader.prompts.count == 5)
        #expect(reader.remembered == ["echo hi"])
    }

    @Test func anOpenBlockContinuesOnTheNextLines() {
        var printed = ""
        let reader = ScriptedLineReader([.line("repeat 2 {"), .line("  echo k$i"), .line("}"), .line("echo done")])
        let options = SessionOptions(readFile: { _ in "" })
        let repl = InteractiveREPL(session: Session(options: options, output: { _, text in printed += text }),
                                   output: quietOutput, reader: reader)
        #expect(repl.run() == 0)
        #expect(printed == "k1\nk2\ndone\n")
        #expect(reader.prompts == ["kvrepl 0s> ", "   ...> ", "   ...> ", "kvrepl 0s> ", "kvrepl 0s> "])
    }

    /// An error ends only its line: the session, its cluster and what later lines do go on.
    @Test func anErrorEndsOnlyItsLine() {
        var printed = ""
        var errors = ""
        let reader = ScriptedLineReader([.line("add n1 n2"), .line("kill n1"), .line("kill n1"), .line("frobnicate"),
                                         .line("kill n9"), .line("show nodes"), .line("quit"), .line("echo never")])
        let options = SessionOptions(readFile: { _ in "" })
        let session = Session(options: options) { kind, text in
            if kind == .error { errors += text } else { printed += text }
        }
        let repl = InteractiveREPL(session: session, output: quietOutput, reader: reader)
        #expect(repl.run() == 0)
        #expect(errors.contains("<repl>:1:6: error: node n1 is already killed"), "\(errors)")
        #expect(errors.contains("<repl>:1:1: error: unknown command `frobnicate`"), "\(errors)")
        #expect(errors.contains("<repl>:1:6: error: unknown node `n9`"), "\(errors)")
        #expect(printed.contains("  n1    killed"), "\(printed)")
        #expect(!printed.contains("never"))
        #expect(reader.prompts.count == 7)
    }

    /// `quit` in an included file ends that file only, never the REPL.
    @Test func quitInAnIncludedFileLeavesTheREPLRunning() {
        var printed = ""
        let reader = ScriptedLineReader([.line("include lib.kvs"), .line("echo still here")])
        let options = SessionOptions(readFile: { _ in "echo in lib\nquit\necho not this\n" })
        let repl = InteractiveREPL(session: Session(options: options) { _, text in printed += text },
                                   output: quietOutput, reader: reader)
        #expect(repl.run() == 0)
        #expect(printed == "in lib\nstill here\n")
    }

    @Test func everyLineEnteredGoesToHistory() {
        let reader = ScriptedLineReader([.line("add n1 n2"), .line("no such command"), .line("show ring")])
        #expect(makeREPL(reader).run() == 0)
        #expect(reader.remembered == ["add n1 n2", "no such command", "show ring"])
        #expect(reader.prompts.count == 4)
    }

    @Test func interruptRequestIsWiredToTheCluster() throws {
        let repl = makeREPL(ScriptedLineReader([]))
        let poll = try #require(repl.session.interruptRequested)
        _ = InterruptFlag.take()
        #expect(poll() == false)

        // Ctrl-C sets the flag through the real SIGINT handler; the cluster's poll takes it once.
        var previous = sigaction()
        sigaction(SIGINT, nil, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        InterruptFlag.install()
        // Sent to the process (not raised on this thread, which may block signals); delivered soon.
        kill(getpid(), SIGINT)
        var seen = false
        for _ in 0..<200 where !seen {
            seen = poll()
            if !seen { usleep(5_000) }
        }
        #expect(seen)
        #expect(poll() == false)
    }

    @Test func completionContextComesFromTheSession() {
        let repl = makeREPL(ScriptedLineReader([]))
        let context = InteractiveREPL.completionContext(of: repl.session)
        #expect(context.nodes == repl.session.cluster.nodeNames)
        #expect(context.streams == repl.session.streamNames)
        #expect(context.configKeys == Vocabulary.configKeys)
    }
}
