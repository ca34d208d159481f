/// Escaping for the report's HTML, SVG and JSON, written by hand (kvrepl loads no Foundation).
enum MarkupText {
    /// Text safe inside an element or a double-quoted attribute.
    static func html(_ text: String) -> String { XMLText.attribute(text) }

    /// A JSON string literal that is also safe inside a `<script>` element.
    static func json(_ text: String) -> String { JSONObject.quote(text, inScript: true) }

    /// A number for JSON and SVG with at most `digits` decimals, without exponent or trailing zeros.
    static func number(_ value: Double, digits: Int = 4) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / Int64(scale)
        var fraction = String(magnitude % Int64(scale))
        fraction = String(repeating: "0", count: digits - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative && magnitude != 0 ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
