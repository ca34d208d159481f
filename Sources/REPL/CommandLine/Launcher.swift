import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lang

/// From arguments to exit status: parses the command line, then runs the REPL or the scripts.
///
/// Every FILE is read before any runs, so an unreadable one is a usage error (status 2, naming it)
/// and nothing runs; `--seeds` needs a script (a FILE or stdin that is not a terminal).
@MainActor
enum Launcher {
    static func main(arguments: [String]) -> Int32 {
        let output = TerminalOutput()
        if arguments.first == "shrink" { return ShrinkLauncher.main(arguments: Array(arguments.dropFirst()), output: output) }
        let command: KvreplCommand
        do {
            guard let parsed = try KvreplCommand.parseAsRoot(arguments) as? KvreplCommand else {
                // ArgumentParser answers `--help` (and `-h`) with its own help command.
                output.out.write(KvreplCommand.helpMessage() + "\n")
                return 0
            }
            command = parsed
        } catch {
            // --help and --version end here with status 0; every usage error with status 2
            // (ArgumentParser's own code would be 64).
            let message = KvreplCommand.fullMessage(for: error)
            if KvreplCommand.exitCode(for: error) == .success {
                output.out.write(message.isEmpty || message.hasSuffix("\n") ? message : message + "\n")
                return 0
            }
            output.usageError(message)
            return 2
        }
        if command.record != nil && (command.seeds != nil || command.files.count > 1
                                     || (command.files.isEmpty && isatty(0) == 1)) {
            output.usageError("kvrepl: --record writes one run: name one FILE (or pipe one script) and at most one --seed")
            return 2
        }
        var settings = RunSettings(trace: command.trace, quiet: command.quiet, record: command.record != nil,
                                   interruptRequested: { InterruptFlag.isRequested })
        settings.echo = command.echo
        if let status = ReportOptions.apply(command, to: &settings, output: output) { return status }
        let seeds: ScriptSweep.Seeds = command.seeds?.seeds.map { .sweep($0) } ?? .single(command.seed ?? 1)

        if command.files.isEmpty && isatty(0) == 1 {
            if let option = command.scriptOnlyOption {
                output.usageError("kvrepl: \(option) needs a script: name a FILE or pipe one on stdin")
                return 2
            }
            let options = SessionOptions(seed: command.seed ?? 1, trace: settings.trace, quiet: settings.quiet,
                                         readFile: { path in try TextFileReader.read(path: path) })
            InterruptFlag.install()
            return InteractiveREPL.onTerminal(options: options, output: output).run()
        }

        var sources: [ScriptSource] = []
        do throws(FileReadError) {
            if command.files.isEmpty {
                sources = [ScriptSource(path: "<stdin>", text: try TextFileReader.readStandardInput(),
                                        isStandardInput: true)]
            } else {
                for file in command.files {
                    sources.append(ScriptSource(path: file, text: try TextFileReader.read(path: file)))
                }
            }
        } catch {
            output.usageError("kvrepl: \(error.message)")
            return 2
        }
        for (option, path) in [("--junit", command.junit)] + [("--record", command.record)] {
            guard let path else { continue }
            do throws(FileWriteError) {
                try TextFileWriter.checkWritable(path)
            } catch {
                output.usageError("kvrepl: cannot write \(option) file \(path): \(error)")
                return 2
            }
        }
        InterruptFlag.installForScripts()
        var sweep = ScriptSweep(sources: sources, seeds: seeds, settings: settings, recordPath: command.record)
        sweep.options = command.sweepOptions
        if sweep.options.progress != nil, case .single = seeds { sweep.settings.virtualTimeProgress = sweep.options.progress }
        guard command.shrink else { return sweep.run(output: output) }
        var failures: [(ScriptSource, UInt64, RunResult)] = []
        sweep.onFailure = { failures.append(($0, $1, $2)) }
        let status = sweep.run(output: output)
        return ShrinkLauncher.shrinkFirst(of: failures, status: status, output: output)
    }
}
