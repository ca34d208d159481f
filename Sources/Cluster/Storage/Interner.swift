/// Maps strings (keys, field names, values, node names) to dense UInt32 ids and back, so records
/// hold small integers instead of Strings. Append-only: an id never changes meaning.
final class Interner {
    private(set) var strings: [String]
    private var ids: [String: UInt32] = [:]

    /// With `reserveZero`, id 0 stands for "nothing" (e.g. a tombstone value) and is never returned.
    init(reserveZero: Bool) {
        strings = reserveZero ? [""] : []
    }

    var count: Int { strings.count }

    func intern(_ string: String) -> UInt32 {
        if let id = ids[string] { return id }
        let id = UInt32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }

    func lookup(_ string: String) -> UInt32? { ids[string] }

    subscript(id: UInt32) -> String {
        Int(id) < strings.count ? strings[Int(id)] : "?"
    }
}
