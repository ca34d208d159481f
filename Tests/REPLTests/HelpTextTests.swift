@testable import Lang
import Testing

@Suite struct HelpTextTests {
    @Test(arguments: Vocabulary.commands)
    func everyCommandHasHelpWithAnExample(command: String) throws {
        let text = try #require(HelpText.command(command))
        #expect(text.hasPrefix("usage: "))
        let example = try #require(text.range(of: "\nexample:\n"))
        let exampleLines = text[example.upperBound...].split(separator: "\n")
        #expect(!exampleLines.isEmpty)
        // The example actually uses the command (first word of one of its lines).
        #expect(exampleLines.contains { $0.split(separator: " ").first.map(String.init) == command })
    }

    @Test func overviewHasOneLinePerCommandInLanguageGroups() {
        let overview = HelpText.overview
        let lines = overview.split(separator: "\n")
        for command in Vocabulary.commands {
            #expect(lines.contains { $0.hasPrefix("  \(command)") }, "\(command) missing from help")
        }
        for group in ["Cluster and network:", "Client operations:", "Live queries:", "Time:",
                      "Expectations:", "Fault campaigns and checking:", "Inspection and scripting:"] {
            #expect(lines.contains { $0 == group })
        }
        #expect(HelpText.commandNames.sorted() == Vocabulary.commands.sorted())
    }

    @Test func everyLineFitsATerminal() throws {
        var texts = [HelpText.overview]
        for command in Vocabulary.commands { texts.append(try #require(HelpText.command(command))) }
        for line in texts.joined().split(separator: "\n") {
            #expect(line.count <= 100, "too long: \(line)")
        }
    }

    @Test func unknownCommandHasNoHelp() {
        #expect(HelpText.command("frobnicate") == nil)
        #expect(HelpText.command("") == nil)
        #expect(HelpText.command("wipe") == nil)
    }

    @Test func expectHelpListsEveryForm() throws {
        let text = try #require(HelpText.command("expect"))
        for form in ["expect get KEY", "absent", "next", "last", "count N", "empty", "owners", "sees",
                     "converged", "expect ok", "fail"] {
            #expect(text.contains(form), "\(form)")
        }
    }
    /// Each `help COMMAND` example runs without a script error on a small cluster, and those that
    /// state an outcome (`expect`, `wait`, `check`) meet it: the only `expect` examples allowed to fail
    /// are the list of forms in `help expect`.
    @Test(arguments: Vocabulary.commands)
    func everyExampleRuns(command: String) throws {
        let text = try #require(HelpText.command(command))
        let example = try #require(text.range(of: "\nexample:\n"))
        let lines = text[example.upperBound...].split(separator: "\n").map { $0.dropFirst(2) }
        let nodes = "add n1 n2 n3 n4 n5\nput Alice balance=100 name=Alice\n"
        let context: String
        switch command {
        case "add", "remove", "chaos", "include": context = ""
        case "stream", "close": context = nodes
        default: context = nodes + "stream s Alice balance\n"
        }
        let options = SessionOptions { path in
            guard path == "setup/five-nodes.kvs" else { throw NoSuchExampleFile() }
            return "add n1 n2 n3 n4 n5\n"
        }
        var errors = ""
        let session = Session(options: options) { kind, out in if kind == .error { errors += out } }
        let outcome = session.run(source: context + lines.joined(separator: "\n") + "\n", path: "example.kvs")
        #expect(outcome != .scriptError, "\(errors)")
        #expect(errors.isEmpty, "\(errors)")
        if command != "expect" { #expect(session.failed == 0) }
    }

    /// `help at` names exactly the commands an `at` block accepts.
    @Test func atHelpNamesTheCommandsABlockHolds() throws {
        let text = try #require(HelpText.command("at"))
        let details = try #require(text.components(separatedBy: "\nexample:\n").first)
        let words = Set(details.split { !$0.isLetter }.map(String.init))
        for declaration in CommandDeclarations.all where declaration.word != "at" {
            #expect(words.contains(declaration.word) == declaration.runsInAtBlock, "\(declaration.word)")
        }
    }
}

private struct NoSuchExampleFile: Error {}
