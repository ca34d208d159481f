import Foundation
import Lang
import Testing
@testable import REPL

/// The README's REPL session, typed again: every prompt, banner and printed line must come out as
/// the README shows it, so the transcript stays real.
@MainActor
@Suite struct ReadmeSessionTests {
    /// Plays typed lines back, and writes each prompt with what was typed at it into the transcript
    /// (as a terminal shows it); Ctrl-D shows as `^D`.
    final class TranscriptReader: LineReader {
        var inputs: [String]
        var transcript: String

        init(_ inputs: [String], transcript: String) {
            self.inputs = inputs
            self.transcript = transcript
        }

        func readLine(prompt: String) -> LineInput {
            guard !inputs.isEmpty else {
                transcript += prompt + "^D\n"
                return .endOfInput
            }
            let line = inputs.removeFirst()
            transcript += prompt + line + "\n"
            return .line(line)
        }

        func remember(_ line: String) {}
    }

    static let readmePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md").path

    /// The first fenced block after `## The REPL`, without its `$ kvrepl` line.
    static func session() throws -> [String] {
        let text = try String(contentsOfFile: readmePath, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex(of: "## The REPL"))
        let open = try #require(lines[heading...].firstIndex(of: "```"))
        let close = try #require(lines[(open + 1)...].firstIndex(of: "```"))
        return lines[(open + 1) ..< close].filter { $0 != "$ kvrepl" }
    }

    /// What was typed at a prompt (`kvrepl 11s> kill n2`, `   ...>   put k$i a=1`), or nil.
    static func typed(_ line: String) -> String? {
        if line.hasPrefix(InteractiveREPL.continuationPrompt) {
            return String(line.dropFirst(InteractiveREPL.continuationPrompt.count))
        }
        guard line.hasPrefix("kvrepl "), let end = line.range(of: "> ") else { return nil }
        let typed = String(line[end.upperBound...])
        return typed == "^D" ? nil : typed
    }

    @Test func theReadmeSessionIsReal() throws {
        let session = try Self.session()
        #expect(session.count > 10)
        let inputs = session.compactMap(Self.typed)
        let reader = TranscriptReader(inputs, transcript: Banner.text(version: KvreplCommand.version, seed: 1))
        let kvSession = Session(options: SessionOptions(readFile: { _ in "" }), output: { _, text in
            reader.transcript += text
        })
        let output = TerminalOutput.discarding()
        #expect(InteractiveREPL(session: kvSession, output: output, reader: reader).run() == 0)
        #expect(reader.transcript == session.map { $0 + "\n" }.joined())
    }
}
