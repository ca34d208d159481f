import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lang

/// `kvrepl shrink …`: from arguments to exit status. Also shrinks a sweep's first failure (`--shrink`).
@MainActor
enum ShrinkLauncher {
    static func main(arguments: [String], output: TerminalOutput = TerminalOutput()) -> Int32 {
        let command: ShrinkCommand
        do {
            command = try ShrinkCommand.parse(arguments)
        } catch {
            let message = ShrinkCommand.fullMessage(for: error)
            if ShrinkCommand.exitCode(for: error) == .success {
                output.out.write(message.hasSuffix("\n") ? message : message + "\n")
                return 0
            }
            // `kvrepl shrink` alone may have meant a script file named `shrink`.
            output.usageError(message + (arguments.isEmpty ? "\n(to run a script file named shrink: kvrepl ./shrink)" : ""))
            return 2
        }
        let source: ScriptSource
        do throws(FileReadError) {
            source = ScriptSource(path: command.script, text: try TextFileReader.read(path: command.script))
        } catch {
            output.usageError("kvrepl shrink: \(error.message)")
            return 2
        }
        if let path = command.output {
            do throws(FileWriteError) {
                try TextFileWriter.checkWritable(path)
            } catch {
                output.usageError("kvrepl shrink: cannot write \(path): \(error)")
                return 2
            }
        }
        InterruptFlag.installForScripts(echoTo: 2)
        return shrink(source, seed: command.seed, jobs: command.jobs ?? cores, to: command.output, output: output)
    }

    /// Shrinks `source`'s failure at `seed`, writes the script to `path` (or standard output) and a
    /// summary to standard error; returns the exit status (0, 2, or 130 after Ctrl-C).
    static func shrink(_ source: ScriptSource, seed: UInt64, jobs: Int, to path: String?, output: TerminalOutput) -> Int32 {
        let shrinker = Shrinker(seed: seed, jobs: jobs, path: source.path, interruptRequested: { InterruptFlag.isRequested })
        let progress = ShrinkProgress(err: output.err, shrinker: shrinker)
        shrinker.runner.onBatch = { progress.update() }
        shrinker.onStart = { signature, size in
            output.usageError("kvrepl shrink: \(source.path) on seed \(seed): keeping `\(signature.description)`; "
                + "shrinking from \(size) commands")
        }
        let outcome = shrinker.shrink(source)
        progress.finish()
        let result: ShrinkResult
        switch outcome {
        case .shrunk(let shrunk): result = shrunk
        case .refused(let message):
            output.usageError("kvrepl shrink: " + message)
            return 2
        case .stopped:
            output.usageError("kvrepl shrink: interrupted before the first candidate ran: nothing written")
            return 130
        }
        if let path {
            do throws(FileWriteError) {
                try TextFileWriter.write(result.script, to: path)
            } catch {
                output.usageError("kvrepl shrink: cannot write \(path): \(error)")
                return 2
            }
        } else {
            output.out.write(result.script)
        }
        let permille = result.expandedSize > 0 ? 1000 * result.size / result.expandedSize : 1000
        let percent = "\(permille / 10).\(permille % 10)%"
        let stopped = result.interrupted ? "interrupted; smallest so far: " : ""
        output.usageError("kvrepl shrink: \(stopped)\(result.size) command\(result.size == 1 ? "" : "s") "
            + "from \(result.originalSizeText) (\(percent)), \(result.candidates) candidates run in \(progress.elapsed)\n"
            + "reproduce with: kvrepl --seed \(seed) \(path.map(ShellQuoting.quote) ?? "OUT (the script above, saved as OUT)")")
        return result.interrupted ? 130 : 0
    }

    /// `--shrink` after a sweep: shrinks the first run that failed an expectation (a run that ended
    /// in a script error has nothing to shrink) and prints the script after the summary. The exit
    /// status stays the sweep's, unless the shrink was refused (2) or stopped by Ctrl-C (130).
    static func shrinkFirst(of failures: [(ScriptSource, UInt64, RunResult)], status: Int32,
                            output: TerminalOutput) -> Int32 {
        guard status != 130 else { return status }
        guard let (source, seed, _) = failures.first(where: { !$0.2.hadScriptError }) else {
            output.usageError("kvrepl: --shrink: no run failed an expectation" + (failures.isEmpty ? "" : " (only script errors)")
                + ": nothing to shrink")
            return status
        }
        output.usageError("kvrepl: --shrink: shrinking seed \(seed) of \(source.path)")
        let shrunk = shrink(source, seed: seed, jobs: cores, to: nil, output: output)
        return shrunk == 0 ? status : shrunk
    }

    /// Online cores, at least 1.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// Progress on standard error when it is a terminal: candidates run, current size, time taken.
@MainActor
final class ShrinkProgress {
    let err: FileDescriptorWriter
    let shrinker: Shrinker
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    private var shown = false

    init(err: FileDescriptorWriter, shrinker: Shrinker) {
        self.err = err
        self.shrinker = shrinker
        start = clock.now
    }

    /// Time since the start, `12.3s`.
    var elapsed: String {
        let d = clock.now - start
        let tenths = d.components.seconds * 10 + d.components.attoseconds / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10)s"
    }

    private var lastShown: ContinuousClock.Instant?

    /// Redraws the line, at most ten times a second.
    func update() {
        guard err.isTerminal else { return }
        let now = clock.now
        if let lastShown, now - lastShown < .milliseconds(100) { return }
        lastShown = now
        let size = shrinker.best.map { ShrinkTree.size($0.nodes) } ?? shrinker.expandedSize
        err.write("\r\u{1B}[Kshrinking: \(shrinker.runner.tried) candidates, \(size) of \(shrinker.expandedSize) commands, \(elapsed)")
        shown = true
    }

    func finish() {
        if shown { err.write("\r\u{1B}[K") }
    }
}
