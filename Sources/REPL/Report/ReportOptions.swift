#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--report PATH` and `--shiviz FILE` on the command line: checked before anything runs.
@MainActor
enum ReportOptions {
    /// Sets the report options; returns an exit status (2) after a usage error, else nil.
    static func apply(_ command: KvreplCommand, to settings: inout RunSettings, output: TerminalOutput) -> Int32? {
        let oneRun = command.seeds == nil && command.files.count <= 1
        let needsScript = command.files.isEmpty && isatty(0) == 1
        if let shiviz = command.shiviz {
            if !oneRun || needsScript {
                output.usageError("kvrepl: --shiviz writes one run: name one FILE (or pipe one script) and at most one --seed")
                return 2
            }
            if let why = unwritable(shiviz) {
                output.usageError("kvrepl: cannot write --shiviz file \(shiviz): \(why)")
                return 2
            }
            settings.shiviz = shiviz
        }
        guard let report = command.report else { return nil }
        if needsScript {
            output.usageError("kvrepl: --report needs a script: name a FILE or pipe one on stdin")
            return 2
        }
        if oneRun {
            if let why = unwritable(report) {
                output.usageError("kvrepl: cannot write --report file \(report): \(why)")
                return 2
            }
        } else if let why = ReportFiles.makeDirectory(report) {
            output.usageError("kvrepl: --report \(report): with --seeds or several FILEs it names a directory: \(why)")
            return 2
        }
        settings.report = ReportTarget(path: report, isDirectory: !oneRun, onlyFailures: command.seeds != nil)
        return nil
    }

    private static func unwritable(_ path: String) -> String? {
        do throws(FileWriteError) {
            try TextFileWriter.checkWritable(path)
            return nil
        } catch {
            return error.reason
        }
    }
}
