import Lang
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
}
