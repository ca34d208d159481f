import Dispatch
import Lang
import Synchronization

/// Runs one script over many seeds, `jobs` at a time. Each run has its own session and captures its
/// output, which the caller prints in seed order: a sweep prints exactly what a one-job sweep prints.
enum ParallelRuns {
    struct Run: Sendable {
        var result: RunResult
        var lines: [Line]
        /// Wall-clock seconds the run took (for `--junit`).
        var seconds: Double
    }

    struct Line: Sendable {
        var kind: OutputKind
        var text: String
    }

    /// The runs in seed order. With `stopAtFailure`, a seed above the lowest failing one found so
    /// far is not run (its slot is nil): seeds are handed out in increasing order and every seed below
    /// a failure always runs, so the lowest failing seed is the same whatever `jobs` is.
    static func run(_ source: ScriptSource, seeds: [UInt64], settings: RunSettings, jobs: Int,
                    stopAtFailure: Bool = false, progress: ProgressLine? = nil) -> [Run?] {
        let shared = Shared(count: seeds.count)
        let group = DispatchGroup()
        // Serial queues of their own, so that N jobs get N threads even above the core count.
        for worker in 0..<max(1, min(jobs, seeds.count)) {
            DispatchQueue(label: "kvrepl.run.\(worker)").async(group: group) {
                while true {
                    let i = shared.next.add(1, ordering: .relaxed).oldValue
                    guard i < seeds.count else { return }
                    if stopAtFailure && i > shared.lowestFailure.load(ordering: .relaxed) { continue }
                    let run: Run
                    if settings.interruptRequested?() == true {
                        run = Run(result: .notStarted, lines: [], seconds: 0)
                    } else {
                        let captured = CapturedOutput()
                        let start = ContinuousClock.now
                        let result = ScriptRun.run(source, seed: seeds[i], settings: settings, output: captured.append)
                        run = Run(result: result, lines: captured.lines.map { Line(kind: $0.kind, text: $0.text) },
                                  seconds: ProgressLine.seconds(ContinuousClock.now - start))
                        progress?.runFinished(failed: result.isFailure)
                    }
                    if run.result.isFailure { shared.lowestFailure.min(i) }
                    shared.slots.withLock { $0[i] = run }
                }
            }
        }
        group.wait()
        return shared.slots.withLock { $0 }
    }
}

/// What the workers share: the next seed to hand out, the lowest failing one, the results.
private final class Shared: Sendable {
    let next = Atomic<Int>(0)
    let lowestFailure = Atomic<Int>(Int.max)
    let slots: Mutex<[ParallelRuns.Run?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
}

extension Atomic<Int> {
    /// Lowers the value to `candidate` if that is smaller.
    fileprivate func min(_ candidate: Int) {
        var current = load(ordering: .relaxed)
        while candidate < current {
            let (exchanged, original) = compareExchange(expected: current, desired: candidate, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
