import Lang

/// Shrinks a failing script to a small one that fails the same way at the same seed: `chaos`
/// campaigns expanded into their commands, then, until no pass makes progress, delta debugging over
/// the top-level commands and over every block's body, and the simplification passes. The result is
/// 1-minimal: without any one of its commands it passes or fails differently.
final class Shrinker {
    enum Outcome: Sendable {
        /// The script does not fail, or fails with a script error: nothing to shrink (exit 2).
        case refused(String)
        /// Ctrl-C came before the first shrunk candidate was known (exit 130).
        case stopped
        case shrunk(ShrinkResult)
    }

    let seed: UInt64
    let runner: CandidateRunner
    /// The smallest script found so far that fails the same way.
    private(set) var best: Candidate?
    /// Its size as written (commands; `include`s inlined) and with its campaigns expanded.
    private(set) var writtenSize = 0
    private(set) var expandedSize = 0
    /// The failure kept, as the original names it.
    private(set) var original = FailureSignature(subject: [])

    /// Told once the starting point is known: the failure kept and the size to shrink from.
    var onStart: (_ signature: FailureSignature, _ size: Int) -> Void = { _, _ in }

    init(seed: UInt64, jobs: Int, path: String, interruptRequested: @escaping @Sendable () -> Bool) {
        self.seed = seed
        runner = CandidateRunner(seed: seed, jobs: jobs, path: path, interruptRequested: interruptRequested)
    }

    func shrink(_ source: ScriptSource) -> Outcome {
        let captured = CapturedOutput()
        let original = ScriptRun.run(source, seed: seed, settings: RunSettings(quiet: true, interruptRequested: runner.interruptRequested),
                                     output: captured.append)
        if original.wasInterrupted { return .stopped }
        if original.hadScriptError {
            let error = captured.lines.first { $0.kind == .error }?.text ?? ""
            return .refused("\(source.path) ends in a script error on seed \(seed); fix it first:\n" + error)
        }
        let failures = captured.lines.filter { $0.kind == .failed }.compactMap { FailureReading.failure($0.text) }
        guard original.failed > 0, let signature = FailureReading.signature(failures) else {
            return .refused("\(source.path) does not fail on seed \(seed): nothing to shrink")
        }
        self.original = signature
        let written: [ShrinkNode]
        do {
            let script = try ScriptLoader(readFile: { try TextFileReader.read(path: $0) })
                .load(text: source.text, path: source.path)
            written = script.outline.map(ShrinkNode.init)
        } catch {
            return .refused(error.rendered)
        }
        writtenSize = ShrinkTree.size(written)
        let expanded = ChaosExpansion.expand(written, seed: seed, path: runner.path)
        expandedSize = ShrinkTree.size(expanded)
        if runner.fails(Candidate(nodes: expanded, signature: signature)) {
            best = Candidate(nodes: expanded, signature: signature)
        } else if expanded != written, runner.fails(Candidate(nodes: written, signature: signature)) {
            expandedSize = writtenSize
            best = Candidate(nodes: written, signature: signature)
        } else if runner.interrupted {
            return .stopped
        } else {
            return .refused("\(source.path) does not fail the same way once written back as plain commands "
                + "(\(signature.description)): cannot shrink it")
        }
        if let best { onStart(best.signature, ShrinkTree.size(best.nodes)) }
        while !runner.interrupted && round() {}
        return .shrunk(result(source))
    }

    private func result(_ source: ScriptSource) -> ShrinkResult {
        ShrinkResult(path: source.path, seed: seed, nodes: best?.nodes ?? [],
                     signature: best?.signature ?? FailureSignature(subject: []), original: original,
                     writtenSize: writtenSize, expandedSize: expandedSize, candidates: runner.tried,
                     interrupted: runner.interrupted)
    }

    /// One round of every pass; true when any made progress.
    private func round() -> Bool {
        var progress = false
        // Delta debugging over the top level, then each block's body in script order.
        var paths: [[Int]] = [[]] + ShrinkTree.blockPaths(best?.nodes ?? [])
        var p = 0
        while p < paths.count, !runner.interrupted, let current = best {
            let path = paths[p]
            if let body = ShrinkTree.body(current.nodes, at: path), body.count >= 2 || !path.isEmpty {
                let reduced = DeltaDebugging.minimize(body) { lists in
                    let candidates = lists.map {
                        Candidate(nodes: ShrinkTree.replacingBody(current.nodes, at: path, with: $0), signature: current.signature)
                    }
                    guard let hit = runner.firstFailing(candidates) else { return nil }
                    best = candidates[hit]
                    return hit
                }
                if reduced.count < body.count {
                    progress = true
                    paths = [[]] + ShrinkTree.blockPaths(best?.nodes ?? [])
                }
            }
            p += 1
        }
        for pass in SimplificationPasses.all {
            var start = 0
            while !runner.interrupted, let current = best {
                let candidates = pass(current.nodes, current.signature)
                guard let hit = runner.firstFailing(candidates, from: start) else { break }
                best = candidates[hit]
                start = hit
                progress = true
            }
        }
        return progress
    }
}

/// A shrunk script and what it came from.
struct ShrinkResult: Sendable {
    var path: String
    var seed: UInt64
    var nodes: [ShrinkNode]
    var signature: FailureSignature
    /// The same failure as the original names it (nodes and keys renamed since).
    var original: FailureSignature
    var writtenSize: Int
    var expandedSize: Int
    var candidates: Int
    /// Ctrl-C stopped it: `nodes` is the smallest found so far, maybe not 1-minimal.
    var interrupted: Bool

    var size: Int { ShrinkTree.size(nodes) }

    /// The original's size: `23 commands` or `23 commands, 412 with chaos expanded`.
    var originalSizeText: String {
        "\(writtenSize) command\(writtenSize == 1 ? "" : "s")"
            + (expandedSize != writtenSize ? ", \(expandedSize) with chaos expanded" : "")
    }

    /// The script, headed by comments naming the original, the seed and the failure kept.
    var script: String {
        var header = "# shrunk by kvrepl from \(path) on seed \(seed)"
            + (interrupted ? " (interrupted: the smallest found so far)" : "") + "\n"
        let was = original == signature ? "" : " (in the original: \(original.description))"
        header += "# failure kept: \(signature.description)\(was)\n"
        header += "# \(size) command\(size == 1 ? "" : "s"), from \(originalSizeText)\n"
        return header + ShrinkTree.render(nodes)
    }
}
