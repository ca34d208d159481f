/// "Did you mean …?": the candidate nearest to a misspelt word by edit distance.
public enum Suggest {
    /// The candidate with the smallest Levenshtein distance to `word` (the first such in `candidates`),
    /// or nil when none is close: distance ≤ 1 for words up to 4 letters, ≤ 2 for longer ones.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let typed = Array(word.unicodeScalars)
        let limit = typed.count <= 4 ? 1 : 2
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let target = Array(candidate.unicodeScalars)
            guard abs(target.count - typed.count) <= limit else { continue }
            let distance = levenshtein(typed, target)
            if distance <= limit && distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Edit distance (insertions, deletions, substitutions), two rows at a time.
    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for (i, x) in a.enumerated() {
            current[0] = i + 1
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
