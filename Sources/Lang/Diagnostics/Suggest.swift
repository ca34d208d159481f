/// "Did you mean …?": the candidate nearest to a misspelt word by edit distance.
public enum Suggest {
    /// The candidate with the smallest edit distance to `word` (the first such in `candidates`),
    /// or nil when none is close: distance ≤ 1 for words up to 4 letters, ≤ 2 for longer ones.
    static let maxLength = 64

    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        // Nobody misspells a 100-letter word; and the distance is quadratic in the lengths.
        guard word.utf8.count <= maxLength else { return nil }
        let typed = Array(word.unicodeScalars)
        let limit = typed.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word && candidate.utf8.count <= maxLength {
            let target = Array(candidate.unicodeScalars)
            guard abs(target.count - typed.count) <= limit else { continue }
            let edits = distance(typed, target)
            if edits <= limit && edits < (best?.distance ?? Int.max) { best = (candidate, edits) }
        }
        return best?.candidate
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
    /// (optimal string alignment), so that `rnig` is one edit from `ring`.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let same = a[i - 1] == b[j - 1]
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1))
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
