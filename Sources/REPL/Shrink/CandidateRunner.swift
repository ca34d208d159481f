import Dispatch
import Lang
import Synchronization

/// One script the shrinker wants to try, and the failure it must still show (renaming nodes or
/// keys renames the failure too).
struct Candidate: Sendable {
    var nodes: [ShrinkNode]
    var signature: FailureSignature
}

/// Runs candidates in-process, several at once, and answers which is the first (in the order
/// given) that still fails the same way. Whatever the number of jobs, the answer is the same: a
/// batch of `jobs` candidates runs at once and the earliest that fails wins, so a later one never
/// wins over an earlier one that a smaller batch would have tried first.
final class CandidateRunner {
    let seed: UInt64
    let jobs: Int
    /// The path candidates run under (their diagnostics name it).
    let path: String
    /// Polled between batches and by every run (Ctrl-C).
    let interruptRequested: @Sendable () -> Bool
    /// Called after every batch (progress on a terminal).
    var onBatch: () -> Void = {}
    /// Candidates run so far (a candidate met again is answered from memory, not counted).
    private(set) var tried = 0
    private(set) var interrupted = false
    /// Answers so far, by a digest of the candidate's text (a recording's candidates run to
    /// megabytes; keeping every text would cost more than the runs).
    private var known: [Digest: Bool] = [:]

    init(seed: UInt64, jobs: Int, path: String, interruptRequested: @escaping @Sendable () -> Bool) {
        self.seed = seed
        self.jobs = max(1, jobs)
        self.path = path
        self.interruptRequested = interruptRequested
    }

    /// The index of the first candidate, from `start` on, that fails the same way; nil when none
    /// does or Ctrl-C stopped the search.
    func firstFailing(_ candidates: [Candidate], from start: Int = 0) -> Int? {
        var next = start
        while next < candidates.count {
            if interruptRequested() { interrupted = true }
            if interrupted { return nil }
            var batch: [(index: Int, key: Digest, candidate: Candidate)] = []
            var index = next
            while index < candidates.count && batch.count < jobs {
                let key = Self.key(candidates[index])
                if let answer = known[key] {
                    // Known to fail: it wins unless one before it, still to run, fails too.
                    if answer { if batch.isEmpty { return index } else { break } }
                } else if !batch.contains(where: { $0.key == key }) {
                    batch.append((index, key, candidates[index]))
                }
                index += 1
            }
            let answers = run(batch.map(\.candidate))
            if interrupted { return nil }
            tried += batch.count
            for (item, answer) in zip(batch, answers) { known[item.key] = answer }
            onBatch()
            if let hit = zip(batch, answers).first(where: { $0.1 })?.0.index { return hit }
            next = index
        }
        return nil
    }

    /// Whether one script fails the same way (used for the starting point).
    func fails(_ candidate: Candidate) -> Bool {
        firstFailing([candidate]) == 0
    }

    private func run(_ batch: [Candidate]) -> [Bool] {
        let answers = Mutex<[Bool]>(Array(repeating: false, count: batch.count))
        let stopped = Atomic<Bool>(false)
        let (seed, path, interruptRequested) = (self.seed, self.path, self.interruptRequested)
        DispatchQueue.concurrentPerform(iterations: batch.count) { i in
            let verdict = Self.verdict(batch[i], seed: seed, path: path, interruptRequested: interruptRequested)
            if verdict == nil { stopped.store(true, ordering: .relaxed) }
            answers.withLock { $0[i] = verdict ?? false }
        }
        if stopped.load(ordering: .relaxed) { interrupted = true }
        return answers.withLock { $0 }
    }

    /// Whether the candidate fails the same way; nil when Ctrl-C stopped it. A script error means
    /// the candidate is not a valid script: it does not fail.
    static func verdict(_ candidate: Candidate, seed: UInt64, path: String,
                        interruptRequested: @escaping @Sendable () -> Bool) -> Bool? {
        let failures = Self.failures(of: ShrinkTree.render(candidate.nodes), seed: seed, path: path,
                                     interruptRequested: interruptRequested)
        return failures.map { candidate.signature.isMet(by: $0) }
    }

    /// The failed expectations of a run, or nil when it was stopped; empty when the run ended in a
    /// script error (an invalid script fails nothing).
    static func failures(of text: String, seed: UInt64, path: String,
                         interruptRequested: @escaping @Sendable () -> Bool = { false }) -> [ObservedFailure]? {
        let captured = CapturedOutput()
        let settings = RunSettings(quiet: true, interruptRequested: interruptRequested)
        let result = ScriptRun.run(ScriptSource(path: path, text: text), seed: seed, settings: settings,
                                   output: captured.append)
        if result.wasInterrupted { return nil }
        if result.hadScriptError || result.failed == 0 { return [] }
        return captured.lines.filter { $0.kind == .failed }.compactMap { FailureReading.failure($0.text) }
    }

    private static func key(_ candidate: Candidate) -> Digest {
        Digest(ShrinkTree.render(candidate.nodes) + "\u{0}" + candidate.signature.description)
    }

    /// A 64-bit FNV-1a hash, a 64-bit polynomial hash and the length: what names a text here.
    struct Digest: Hashable {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        var count = 0

        init(_ text: String) {
            for byte in text.utf8 {
                a = (a ^ UInt64(byte)) &* 0x100_0000_01b3
                b = b &* 0x9e37_79b9_7f4a_7c15 &+ UInt64(byte) &+ 1
                count += 1
            }
        }
    }
}
