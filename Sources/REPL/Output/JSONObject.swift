/// A JSON object written in the order its members were added, so that `--json` lines are
/// byte-identical from run to run. Only what `--json` needs: strings, integers, booleans, arrays of
/// strings and objects of strings.
struct JSONObject {
    private(set) var members: [String] = []

    /// Appends the members of `other`, after these.
    mutating func append(_ other: JSONObject) { members += other.members }

    mutating func add(_ name: String, _ value: String) { members.append(Self.quote(name) + ":" + Self.quote(value)) }
    mutating func add(_ name: String, _ value: Int) { members.append(Self.quote(name) + ":" + String(value)) }
    mutating func add(_ name: String, _ value: UInt64) { members.append(Self.quote(name) + ":" + String(value)) }
    mutating func add(_ name: String, _ value: Bool) { members.append(Self.quote(name) + ":" + (value ? "true" : "false")) }

    mutating func add(_ name: String, _ values: [String]) {
        members.append(Self.quote(name) + ":[" + values.map { Self.quote($0) }.joined(separator: ",") + "]")
    }

    /// An object of string members, in the given order.
    mutating func add(_ name: String, _ pairs: [(String, String)]) {
        let body = pairs.map { Self.quote($0.0) + ":" + Self.quote($0.1) }.joined(separator: ",")
        members.append(Self.quote(name) + ":{" + body + "}")
    }

    var text: String { "{" + members.joined(separator: ",") + "}" }

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`. With
    /// `inScript`, also safe inside an HTML `<script>` element: `<`, `>` and `&` are written as
    /// escapes, so no `</script>` or `<!--` can appear, and nor can U+2028/U+2029.
    static func quote(_ text: String, inScript: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where inScript: out += "\\u003C"
            case ">" where inScript: out += "\\u003E"
            case "&" where inScript: out += "\\u0026"
            case "\u{2028}" where inScript: out += "\\u2028"
            case "\u{2029}" where inScript: out += "\\u2029"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
