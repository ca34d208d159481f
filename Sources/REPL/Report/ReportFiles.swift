#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Cluster
import Lang

/// Where `--report` and `--shiviz` write, and the writing.
struct ReportTarget: Sendable, Equatable {
    /// `--report PATH`: one file (one script on one seed), or a folder of `SCRIPT-seed-N.html`.
    var path: String
    var isDirectory: Bool
    /// In a folder with `--seeds`: only failing runs get a report.
    var onlyFailures: Bool

    /// The report's file for a run of `source` on `seed`.
    func file(for source: ScriptSource, seed: UInt64) -> String {
        guard isDirectory else { return path }
        return (path.hasSuffix("/") ? path : path + "/") + ReportFiles.baseName(source) + "-seed-\(seed).html"
    }
}

enum ReportFiles {
    /// `examples/chaos.kvs` → `chaos`; standard input → `stdin`.
    static func baseName(_ source: ScriptSource) -> String {
        if source.isStandardInput { return "stdin" }
        var name = String(source.path.split(separator: "/").last ?? "script")
        if name.hasSuffix(".kvs") { name.removeLast(4) }
        return name.isEmpty ? "script" : name
    }

    /// Makes `path` a folder if it is none yet; nil when it is one (or now is), else why not.
    static func makeDirectory(_ path: String) -> String? {
        var info = stat()
        if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR ? nil : "not a directory" }
        return mkdir(path, 0o777) == 0 ? nil : systemErrorText(errno)
    }

    /// The report (and ShiViz log) of a finished run, written where asked; returns the report's
    /// path, or throws why a file could not be written.
    static func write(session: Session, source: ScriptSource, seed: UInt64, settings: RunSettings,
                      failed: Bool) throws(FileWriteError) -> String? {
        guard let recorder = session.cluster.recorder else { return nil }
        if let shiviz = settings.shiviz {
            try write(ShivizLog.text(recorder), to: shiviz)
        }
        guard let target = settings.report, !(target.onlyFailures && !failed) else { return nil }
        let end = session.cluster.finishRecording()
        let data = ReportData(script: source.path, seed: seed, endTime: session.cluster.now, passed: session.passed,
                              failed: session.failed, recorder: recorder, ringAtEnd: end?.ring, keys: end?.keys ?? [])
        let path = target.file(for: source, seed: seed)
        try write(ReportPage.html(data).html, to: path)
        return path
    }

    private static func write(_ text: String, to path: String) throws(FileWriteError) {
        do {
            try TextFileWriter.write(text, to: path)
        } catch {
            throw FileWriteError(reason: "cannot write \(path): \(error.reason)")
        }
    }
}

extension ScriptSweep {
    /// Says where a run's report went (`report: PATH`; in a sweep the failing seed's line names
    /// it instead), or why it could not be written (then the exit status is 2).
    static func reportWritten(_ result: RunResult, output: TerminalOutput, totals: inout Totals, named: Bool = true) {
        if let path = result.report, named { output.write(.normal, "report: \(path)\n") }
        if let why = result.reportError {
            output.usageError("kvrepl: \(why)")
            totals.usageError = true
        }
    }
}
