import Dispatch
import Lang
import Synchronization

/// Runs one script over many seeds on every core. Each run has its own session and captures its
/// output, which the caller prints in seed order: a sweep prints exactly what a one-core sweep prints.
enum ParallelRuns {
    struct Run: Sendable {
        var result: RunResult
        var lines: [Line]
    }

    struct Line: Sendable {
        var kind: OutputKind
        var text: String
    }

    static func run(_ source: ScriptSource, seeds: [UInt64], settings: RunSettings) -> [Run] {
        let slots = Mutex<[Run?]>(Array(repeating: nil, count: seeds.count))
        DispatchQueue.concurrentPerform(iterations: seeds.count) { i in
            if settings.interruptRequested?() == true {
                slots.withLock { $0[i] = Run(result: .notStarted, lines: []) }
                return
            }
            let captured = CapturedOutput()
            let result = ScriptRun.run(source, seed: seeds[i], settings: settings, output: captured.append)
            let run = Run(result: result, lines: captured.lines.map { Line(kind: $0.kind, text: $0.text) })
            slots.withLock { $0[i] = run }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
