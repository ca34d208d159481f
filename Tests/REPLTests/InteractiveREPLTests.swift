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
    let quietOutput = TerminalOutput(out: FileDescriptorWriter(fd: open("/dev/null", O_WRONLY)),
                                     err: FileDescriptorWriter(fd: open("/dev/null", O_WRONLY)))

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

    @Test func everyLineEnteredGoesToHistory() {
        let reader = ScriptedLineReader([.line("add n1 n2"), .line("no such command"), .line("show ring")])
        #expect(makeREPL(reader).run() == 0)
        #expect(reader.remembered == ["add n1 n2", "no such command", "show ring"])
        #expect(reader.prompts.count == 4)
    }

    @Test func interruptRequestIsWiredToTheCluster() throws {
        let repl = makeREPL(ScriptedLineReader([]))
        let poll = try #require(repl.session.cluster.interruptRequested)
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
