/// Delta debugging (Zeller's ddmin) over a list: the smallest sublist it can find for which a test
/// still holds, 1-minimal (removing any one element makes the test fail).
///
/// `test` is given every candidate of a step at once, in a fixed order (complements, then subsets),
/// and answers the index of the first that holds: that lets the caller run them in parallel and
/// still choose as a one-core run would.
enum DeltaDebugging {
    static func minimize<T>(_ items: [T], test: ([[T]]) -> Int?) -> [T] {
        var items = items
        var granularity = 2
        while items.count >= 2 {
            let chunks = split(items, into: granularity)
            let complements = chunks.indices.map { i in chunks.indices.filter { $0 != i }.flatMap { chunks[$0] } }
            // With two chunks each subset is the other's complement: no need to try it twice.
            let candidates = complements + (granularity > 2 ? chunks : [])
            if let hit = test(candidates) {
                items = candidates[hit]
                granularity = hit < complements.count ? max(granularity - 1, 2) : 2
                continue
            }
            if granularity >= items.count { break }
            granularity = min(items.count, granularity * 2)
        }
        // The loop never tries an empty list: a block's last command may still go.
        if items.count == 1, test([[]]) == 0 { return [] }
        return items
    }

    /// `items` in `count` chunks of nearly equal size, in order.
    static func split<T>(_ items: [T], into count: Int) -> [[T]] {
        let count = min(count, items.count)
        var chunks: [[T]] = []
        var start = 0
        for i in 0..<count {
            let end = start + (items.count - start) / (count - i)
            chunks.append(Array(items[start..<end]))
            start = end
        }
        return chunks
    }
}
