import Foundation
import Testing
@testable import Lang

/// Every example of docs/language.md runs, and prints exactly what the page shows.
///
/// An example is a fenced block marked `kvs` followed (blank lines between allowed) by one marked
/// `output`. The script runs on a fresh session with seed 1 as `example.kvs`; everything it prints
/// is compared with the output block, script errors included where they happen. The summary line
/// of a script run is the command line's, not the script's, and is not part of it.
///
/// Run with `KVREPL_WRITE_REFERENCE=1` in the environment to write each example's output back into
/// the page instead of comparing (then read the diff).
@Suite struct LanguageReferenceTests {
    struct Example: CustomTestStringConvertible, Sendable {
        /// The line of the page where the `kvs` block starts.
        var line: Int
        var script: String
        var output: String
        /// The lines of the page the output block's text spans.
        var outputLines: Range<Int>
        var testDescription: String { "docs/language.md:\(line)" }
    }

    static let pagePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/language.md").path

    static func page() -> [String] {
        let text = (try? String(contentsOfFile: pagePath, encoding: .utf8)) ?? ""
        return text.components(separatedBy: "\n")
    }

    /// The page's examples, in order; a `kvs` block without an output block after it is an error.
    static func examples(of lines: [String]) throws -> [Example] {
        struct MissingOutput: Error, CustomStringConvertible {
            var line: Int
            var description: String { "docs/language.md:\(line): a kvs block needs an output block after it" }
        }
        var examples: [Example] = []
        var index = 0
        /// The text of the fenced block opening at `index`, and the range of its lines.
        func block(at start: Int) -> (String, Range<Int>, end: Int) {
            var end = start + 1
            while end < lines.count && lines[end] != "```" { end += 1 }
            let body = lines[(start + 1) ..< end]
            return (body.map { $0 + "\n" }.joined(), (start + 1) ..< end, end)
        }
        while index < lines.count {
            guard lines[index] == "```kvs" else { index += 1; continue }
            let (script, _, scriptEnd) = block(at: index)
            var next = scriptEnd + 1
            while next < lines.count && lines[next].isEmpty { next += 1 }
            guard next < lines.count && lines[next] == "```output" else { throw MissingOutput(line: index + 1) }
            let (output, range, outputEnd) = block(at: next)
            examples.append(Example(line: index + 1, script: script, output: output, outputLines: range))
            index = outputEnd + 1
        }
        return examples
    }

    static let all: [Example] = (try? examples(of: page())) ?? []

    /// What `script` prints, in order, on a fresh session with seed 1.
    static func printed(_ script: String) -> String {
        var printed = ""
        let options = SessionOptions(seed: 1) { _ in throw NoSuchFile() }
        let session = Session(options: options) { _, text in printed += text }
        _ = session.run(source: script, path: "example.kvs")
        return printed
    }

    @Test func thePageHasExamplesAndEachHasItsOutput() throws {
        let examples = try Self.examples(of: Self.page())
        #expect(examples.count >= 10)
    }

    @Test(arguments: all)
    func examplePrintsWhatThePageShows(_ example: Example) {
        #expect(Self.printed(example.script) == example.output)
    }

    /// Writes every example's output into the page, when asked to (see the suite's comment).
    @Test func writeOutputsWhenAsked() throws {
        guard ProcessInfo.processInfo.environment["KVREPL_WRITE_REFERENCE"] == "1" else { return }
        var lines = Self.page()
        for example in try Self.examples(of: lines).reversed() {
            var output = Self.printed(example.script).components(separatedBy: "\n")
            if output.last == "" { output.removeLast() }
            lines.replaceSubrange(example.outputLines, with: output)
        }
        try lines.joined(separator: "\n").write(toFile: Self.pagePath, atomically: true, encoding: .utf8)
    }

    /// The reserved words the page lists are the language's.
    @Test func thePageListsTheReservedWords() throws {
        let text = Self.page().joined(separator: "\n")
        let start = try #require(text.range(of: "(`ops keys streams`) and these: `"))
        let end = try #require(text.range(of: "`.", range: start.upperBound ..< text.endIndex))
        let listed = text[start.upperBound ..< end.lowerBound].split(whereSeparator: { $0 == " " || $0 == "\n" })
        #expect(Set(listed.map(String.init)) == Set(Vocabulary.keywords))
    }

    /// Every command has a section of its own.
    @Test func everyCommandIsDescribed() {
        let headings = Self.page().filter { $0.hasPrefix("#### ") }
        for command in Vocabulary.commands {
            #expect(headings.contains { $0.contains("`\(command)") }, "\(command)")
        }
    }
}
