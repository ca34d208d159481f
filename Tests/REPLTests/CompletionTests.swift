import Testing
@testable import REPL

/// Tab completion, as the pure function it is: line, cursor, what the session knows.
@Suite struct CompletionTests {
    let context = CompletionContext(
        nodes: ["n1", "n2", "n3"],
        keys: ["Alice", "Bob", "Carol"],
        streams: ["s", "s2"],
        fieldsByKey: ["Alice": ["accountType", "balance", "name"], "Bob": ["age"]])

    func complete(_ line: String) -> [String] {
        Completion.candidates(line: line, cursor: line.count, context: context)
    }

    @Test func emptyLineOffersEveryCommand() {
        #expect(complete("") == Vocabulary_sortedCommands)
        #expect(complete("   ") == Vocabulary_sortedCommands)
    }

    @Test func commandWords() {
        #expect(complete("sh") == ["show"])
        #expect(complete("re") == ["reconnect", "remove", "repeat", "restart", "resume"])
        #expect(complete("zz") == [])
    }

    @Test func subcommands() {
        #expect(complete("show r") == ["ring"])
        #expect(complete("show ring ") == ["tokens"])
        #expect(complete("show ring tokens ") == [])
        #expect(complete("show nodes ") == [])
        #expect(complete("show ") == ["convergence", "key", "nodes", "ring", "stats", "streams"])
        #expect(complete("trace o") == ["off", "on"])
        #expect(complete("wait c") == ["converged"])
        #expect(complete("wait converged ") == ["within"])
        #expect(complete("check ") == ["within"])
        #expect(complete("help ex") == ["expect"])
    }

    @Test func expectFormsAndNodes() {
        #expect(complete("expect ") == ["converged", "fail", "get", "n1", "n2", "n3", "ok", "owners", "stream"])
        #expect(complete("expect n1 ") == ["sees"])
        #expect(complete("expect n1 sees ") == ["n1", "n2", "n3"])
        #expect(complete("expect n1 sees n2 ") == ["down", "up"])
        #expect(complete("expect converged ") == [])
    }

    @Test func expectOkCompletesTheClientOperation() {
        #expect(complete("expect ok ") == ["delete", "get", "put", "stream"])
        #expect(complete("expect fail put ") == ["Alice", "Bob", "Carol"])
        #expect(complete("expect ok put Alice ba") == ["balance="])
    }

    @Test func nodesAfterCommandsThatTakeNodes() {
        // Every node of `context` counts as running: none is killed or paused.
        for command in ["remove", "kill", "pause", "isolate"] {
            #expect(complete("\(command) ") == ["n1", "n2", "n3"], "\(command)")
        }
        #expect(complete("restart ") == [])
        #expect(complete("resume ") == [])
        #expect(complete("kill n") == ["n1", "n2", "n3"])
        #expect(complete("kill n1 ") == ["wipe"])
        #expect(complete("restart n1 ") == [])
    }

    @Test func addTakesNewNamesSoOffersNothing() {
        #expect(complete("add ") == [])
        #expect(complete("add n") == [])
    }

    @Test func partitionOffersNodesNotNamedYet() {
        #expect(complete("partition n1 ") == ["n2", "n3"])
        #expect(complete("partition n1 | ") == ["n2", "n3"])
        #expect(complete("partition n1|n") == ["n2", "n3"])
    }

    @Test func streamNames() {
        for command in ["close", "disconnect"] {
            #expect(complete("\(command) ") == ["s", "s2"], "\(command)")
        }
        #expect(complete("reconnect ") == [])
        #expect(complete("expect stream ") == ["s", "s2"])
        #expect(complete("expect stream s ") == ["count", "empty", "last", "next"])
        #expect(complete("expect stream s n") == ["next"])
    }

    @Test func keys() {
        for line in ["put ", "get ", "delete ", "show key ", "expect get ", "expect owners ", "stream s "] {
            #expect(complete(line) == ["Alice", "Bob", "Carol"], "\(line)")
        }
        #expect(complete("get A") == ["Alice"])
    }

    @Test func fieldsAfterAKey() {
        #expect(complete("put Alice ba") == ["balance="])
        #expect(complete("put Alice ") == ["accountType=", "balance=", "name=", "via"])
        #expect(complete("put Alice balance=1 ") == ["accountType=", "name=", "via"])
        #expect(complete("put Bob ") == ["age=", "via"])
        #expect(complete("put Dave ") == ["via"])
        #expect(complete("get Alice ") == ["accountType", "balance", "name", "via"])
        #expect(complete("delete Alice n") == ["name"])
        #expect(complete("stream s Alice ") == ["accountType", "balance", "initial", "name", "retry"])
        #expect(complete("stream s Alice balance retry ") == [])
        #expect(complete("expect get Alice ") == ["absent", "accountType=", "balance=", "name=", "only", "via"])
        #expect(complete("expect get Alice absent ") == ["via"])
    }

    @Test func noCompletionInsideAValue() {
        #expect(complete("put Alice balance=") == [])
        #expect(complete("put Alice balance=1") == [])
    }

    @Test func viaThenNodeNames() {
        #expect(complete("put Alice a=1 via ") == ["n1", "n2", "n3"])
        #expect(complete("get Alice v") == ["via"])
        #expect(complete("get Alice via n1 ") == [])
        #expect(complete("expect get Alice a=1 via ") == ["n1", "n2", "n3"])
        #expect(complete("echo via ") == [])
    }

    @Test func configKeys() {
        #expect(complete("config rep") == ["replicas="])
        #expect(complete("config re") == ["read=", "rehash=", "renew=", "replicas="])
        #expect(complete("config replicas=5 re") == ["read=", "rehash=", "renew="])
    }

    @Test func chaosOptions() {
        #expect(complete("chaos ") == [])
        #expect(complete("chaos 1m ") == ["keys=", "ops=", "streams="])
    }

    @Test func commandsInsideBlocks() {
        #expect(complete("repeat 3 { pu") == ["put"])
        #expect(complete("at 5s { kill ") == ["n1", "n2", "n3"])
        #expect(complete("repeat 3 {put ") == ["Alice", "Bob", "Carol"])
        #expect(complete("at 5s { kill n1 } ") == [])
        #expect(complete("repeat 2 { get Alice }") == [])
    }

    @Test func quotedTextAndCommentsAreNotCompleted() {
        #expect(complete("echo \"sh") == [])
        #expect(complete("put Alice name=\"A") == [])
        #expect(complete("# sh") == [])
    }

    @Test func cursorInTheMiddleCompletesTheWordBeforeIt() {
        let line = "show r nodes"
        #expect(Completion.candidates(line: line, cursor: 6, context: context) == ["ring"])
        #expect(Completion.candidates(line: line, cursor: 2, context: context) == ["show"])
    }

    @Test func cursorOutOfRangeIsClamped() {
        #expect(Completion.candidates(line: "sh", cursor: 99, context: context) == ["show"])
        #expect(Completion.candidates(line: "sh", cursor: -5, context: context) == Vocabulary_sortedCommands)
    }

    @Test func candidatesAreSortedAndDistinct() {
        let duplicated = CompletionContext(nodes: ["b", "a", "a"], keys: [], streams: [], fieldsByKey: [:])
        #expect(Completion.candidates(line: "kill ", cursor: 5, context: duplicated) == ["a", "b"])
    }

    @Test func unicodeBeforeTheCursorCountsAsCharacters() {
        let unicode = CompletionContext(nodes: [], keys: ["Zoë", "Zed"], streams: [], fieldsByKey: [:])
        #expect(Completion.candidates(line: "get Zo", cursor: 6, context: unicode) == ["Zoë"])
        #expect(Completion.candidates(line: "get Zoë ", cursor: 8, context: unicode) == ["via"])
    }
}

import Lang

private let Vocabulary_sortedCommands = Vocabulary.commands.sorted()
