extension String {
    /// True when the text holds `$i`, the iteration of the innermost `repeat`.
    /// A byte scan: this runs on every word, and `contains(_:)` on strings is far slower.
    var holdsIteration: Bool {
        var dollar = false
        for byte in utf8 {
            if dollar && byte == UInt8(ascii: "i") { return true }
            dollar = byte == UInt8(ascii: "$")
        }
        return false
    }
}
