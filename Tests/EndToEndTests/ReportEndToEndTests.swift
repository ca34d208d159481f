import Foundation
import Testing

/// `--report` and `--shiviz` from the command line: where the files go and what the output says.
@Suite struct ReportEndToEndTests {
    static let failing = "add n1 n2 n3\nput k a=1\nexpect get k a=2\n"

    @Test func oneRunWritesOneReportAndSaysWhere() throws {
        let directory = try scratchDirectory(files: ["s.kvs": "add n1 n2 n3\nput k a=1\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runKvrepl(args: ["--trace", "--report", "out.html", "--shiviz", "out.shiviz", "s.kvs"],
                                currentDirectory: directory.path)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("report: out.html\n"))
        let html = try String(contentsOfFile: directory.appendingPathComponent("out.html").path, encoding: .utf8)
        let sends = run.out.split(separator: "\n").filter { $0.split(separator: " ").dropFirst().first == "send" }.count
        #expect(sends > 0)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("data-messages=\"\(sends)\""))
        let log = try String(contentsOfFile: directory.appendingPathComponent("out.shiviz").path, encoding: .utf8)
        #expect(log.hasPrefix("(?<host>\\S+) (?<clock>\\{[^}]*\\}) (?<event>.*)\n\nclient {\"client\":1} send request to "))
        // The trace is the same with and without a report.
        let plain = try runKvrepl(args: ["--trace", "s.kvs"], currentDirectory: directory.path)
        #expect(plain.out == run.out.replacingOccurrences(of: "report: out.html\n", with: ""))
    }

    @Test func aSweepWritesAReportPerFailingSeedAndNamesIt() throws {
        let directory = try scratchDirectory(files: ["fails.kvs": Self.failing, "passes.kvs": "add n1\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runKvrepl(args: ["--quiet", "--seeds", "1..2", "--report", "reports", "fails.kvs", "passes.kvs"],
                                currentDirectory: directory.path)
        #expect(run.status == 1)
        #expect(run.out.contains("seed 1 failed: reproduce with kvrepl --seed 1 fails.kvs; report reports/fails-seed-1.html\n"))
        #expect(run.out.contains("seed 2 failed: reproduce with kvrepl --seed 2 fails.kvs; report reports/fails-seed-2.html\n"))
        let written = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("reports").path)
        #expect(written.sorted() == ["fails-seed-1.html", "fails-seed-2.html"])
    }

    @Test func severalFilesWithoutSeedsGetAReportEach() throws {
        let directory = try scratchDirectory(files: ["a.kvs": "add n1\n", "b.kvs": "add n1 n2\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try runKvrepl(args: ["--seed", "3", "--report", "out", "a.kvs", "b.kvs"], currentDirectory: directory.path)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("report: out/a-seed-3.html\n") && run.out.contains("report: out/b-seed-3.html\n"), "\(run.out)")
    }

    @Test func badReportOptionsAreUsageErrors() throws {
        let directory = try scratchDirectory(files: ["s.kvs": "add n1\n", "file": "x"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = try runKvrepl(args: ["--report", "missing/out.html", "s.kvs"], currentDirectory: directory.path)
        #expect(missing.status == 2)
        #expect(missing.err == "kvrepl: cannot write --report file missing/out.html: No such file or directory\n", "\(missing.err)")
        let notDirectory = try runKvrepl(args: ["--seeds", "1..2", "--report", "file", "s.kvs"], currentDirectory: directory.path)
        #expect(notDirectory.status == 2)
        #expect(notDirectory.err.contains("names a directory: not a directory"), "\(notDirectory.err)")
        let shiviz = try runKvrepl(args: ["--seeds", "1..2", "--shiviz", "x.log", "s.kvs"], currentDirectory: directory.path)
        #expect(shiviz.status == 2)
        #expect(shiviz.err.hasPrefix("kvrepl: --shiviz writes one run"), "\(shiviz.err)")
        #expect(shiviz.out.isEmpty)
    }
}
