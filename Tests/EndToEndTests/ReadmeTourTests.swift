import Foundation
import Testing

/// The README's tour is a real transcript: its script, run by the built `kvrepl`, prints exactly
/// the output the README shows.
@Suite struct ReadmeTourTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

    /// The lines after `$ cat tour.kvs` up to `$ kvrepl tour.kvs`, and from there to the block's end.
    static func tour() throws -> (script: String, output: String) {
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        let cat = try #require(lines.firstIndex(of: "$ cat tour.kvs"))
        let run = try #require(lines[cat...].firstIndex(of: "$ kvrepl tour.kvs"))
        let end = try #require(lines[run...].firstIndex(of: "```"))
        return (lines[(cat + 1)..<run].joined(separator: "\n") + "\n", lines[(run + 1)..<end].joined(separator: "\n") + "\n")
    }

    @Test func theTourPrintsWhatTheReadmeShows() throws {
        let (script, output) = try Self.tour()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-tour-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(script.utf8).write(to: folder.appendingPathComponent("tour.kvs"))
        let result = try runKvrepl(args: ["tour.kvs"], currentDirectory: folder.path)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out == output)
    }
}
