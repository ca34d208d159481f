import Cluster
import Lang
import Testing
@testable import REPL

/// Completion follows the state: a command offers only the nodes or streams it can act on now,
/// except inside a block, which runs later or again.
@Suite struct StateCompletionTests {
    /// n1 runs, n2 is killed, n3 paused, n4 runs but is leaving; s1 is connected, s2 not.
    let context = CompletionContext(
        nodes: ["n1", "n2", "n3", "n4"], keys: ["k"], streams: ["s1", "s2"],
        nodeStates: ["n1": .running, "n2": .killed, "n3": .paused, "n4": .running],
        leavingNodes: ["n4"], disconnectedStreams: ["s2"])

    func complete(_ line: String, _ context: CompletionContext? = nil) -> [String] {
        Completion.candidates(line: line, cursor: line.count, context: context ?? self.context)
    }

    @Test func nodeCommandsOfferTheNodesInTheirState() {
        #expect(complete("restart ") == ["n2"])
        #expect(complete("resume ") == ["n3"])
        #expect(complete("pause ") == ["n1", "n4"])
        #expect(complete("kill ") == ["n1", "n3", "n4"])
        #expect(complete("remove ") == ["n1", "n2", "n3"])
        #expect(complete("isolate ") == ["n1", "n2", "n3", "n4"])
        #expect(complete("restart n") == ["n2"])
        #expect(complete("restart n1") == [])
    }

    @Test func streamCommandsOfferTheStreamsInTheirState() {
        #expect(complete("reconnect ") == ["s2"])
        #expect(complete("disconnect ") == ["s1"])
        #expect(complete("close ") == ["s1", "s2"])
        #expect(complete("expect stream ") == ["s1", "s2"])
    }

    /// Other commands that name nodes are not about state: `via`, `expect … sees`, `partition`.
    @Test func otherNodeNamesStayAll() {
        #expect(complete("get k via ") == ["n1", "n2", "n3", "n4"])
        #expect(complete("expect n1 sees ") == ["n1", "n2", "n3", "n4"])
        #expect(complete("partition n1 ") == ["n2", "n3", "n4"])
    }

    /// An `at` block runs later and a `repeat` block again: what is killed then is not known now.
    @Test func insideABlockEveryNameIsOffered() {
        #expect(complete("at 5s { restart ") == ["n1", "n2", "n3", "n4"])
        #expect(complete("repeat 2 { resume ") == ["n1", "n2", "n3", "n4"])
        var continued = context
        continued.inBlock = true
        #expect(complete("reconnect ", continued) == ["s1", "s2"])
        #expect(complete("kill ", continued) == ["n1", "n2", "n3", "n4"])
    }

    /// Nothing in a state: nothing offered (not every node, which would only give an error).
    @Test func noNodeInTheStateOffersNothing() {
        let running = CompletionContext(nodes: ["a", "b"], nodeStates: ["a": .running, "b": .running])
        #expect(complete("restart ", running) == [])
        #expect(complete("resume ", running) == [])
        #expect(complete("kill ", running) == ["a", "b"])
    }
}

/// The context the REPL builds from its session carries the states of nodes and streams.
@MainActor
@Suite struct SessionCompletionContextTests {
    @Test func statesComeFromTheCluster() {
        let session = Session(options: SessionOptions(readFile: { _ in "" }), output: { _, _ in })
        #expect(session.runLine("add n1 n2 n3 n4") == .finished)
        #expect(session.runLine("stream s1 k a") == .finished)
        #expect(session.runLine("stream s2 k a") == .finished)
        #expect(session.runLine("disconnect s2") == .finished)
        #expect(session.runLine("kill n2") == .finished)
        #expect(session.runLine("pause n3") == .finished)
        let context = InteractiveREPL.completionContext(of: session)
        #expect(context.nodeStates == ["n1": .running, "n2": .killed, "n3": .paused, "n4": .running])
        #expect(context.disconnectedStreams == ["s2"])
        #expect(context.inBlock == false)
        #expect(Completion.candidates(line: "restart ", cursor: 8, context: context) == ["n2"])
        #expect(Completion.candidates(line: "resume ", cursor: 7, context: context) == ["n3"])
        #expect(Completion.candidates(line: "reconnect ", cursor: 10, context: context) == ["s2"])
        #expect(InteractiveREPL.completionContext(of: session, inBlock: true).inBlock)

        #expect(session.runLine("restart n2") == .finished)
        #expect(session.runLine("reconnect s2") == .finished)
        let later = InteractiveREPL.completionContext(of: session)
        #expect(Completion.candidates(line: "restart ", cursor: 8, context: later) == [])
        #expect(Completion.candidates(line: "reconnect ", cursor: 10, context: later) == [])
        #expect(Completion.candidates(line: "disconnect ", cursor: 11, context: later) == ["s1", "s2"])
    }
}

/// On a continuation line (`   ...> `) completion is in a block: every name is offered.
@MainActor
@Suite struct ContinuationCompletionTests {
    /// Asks for the completion context at each prompt, as Tab would there.
    final class AskingReader: LineReader {
        var inputs: [String]
        let context: () -> CompletionContext
        var restartOffers: [[String]] = []

        init(_ inputs: [String], context: @escaping () -> CompletionContext) {
            self.inputs = inputs
            self.context = context
        }

        func readLine(prompt: String) -> LineInput {
            restartOffers.append(Completion.candidates(line: "restart ", cursor: 8, context: context()))
            return inputs.isEmpty ? .endOfInput : .line(inputs.removeFirst())
        }

        func remember(_ line: String) {}
    }

    @Test func aContinuationLineOffersEveryName() {
        let session = Session(options: SessionOptions(readFile: { _ in "" }), output: { _, _ in })
        let entry = InteractiveREPL.OpenEntry()
        let reader = AskingReader(["add n1 n2", "kill n2", "at 5s {", "restart n2", "}"],
                                  context: InteractiveREPL.completionContext(of: session, typing: entry))
        let output = TerminalOutput.discarding()
        #expect(InteractiveREPL(session: session, output: output, reader: reader, entry: entry).run() == 0)
        #expect(reader.restartOffers == [[], [], ["n2"], ["n1", "n2"], ["n1", "n2"], ["n2"]])
    }

    @Test func aNodeLeavingIsNotOfferedToRemove() throws {
        let session = Session(options: SessionOptions(readFile: { _ in "" }), output: { _, _ in })
        #expect(session.runLine("add n1 n2 n3 n4") == .finished)
        #expect(session.runLine("put k a=1") == .finished)
        try session.cluster.beginRemove("n4") { _ in }
        let context = InteractiveREPL.completionContext(of: session)
        #expect(context.leavingNodes == ["n4"])
        #expect(Completion.candidates(line: "remove ", cursor: 7, context: context) == ["n1", "n2", "n3"])
    }
}
