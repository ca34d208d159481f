/// Text made safe for XML 1.0: markup characters escaped, and characters XML cannot hold at all
/// (control characters other than tab, newline and carriage return) replaced by U+FFFD.
enum XMLText {
    /// For an attribute value in quotes (and HTML text); newlines and tabs are kept as references
    /// so that a reader does not normalise them to blanks.
    static func attribute(_ text: String) -> String { escape(text, inAttribute: true) }

    /// For element content.
    static func content(_ text: String) -> String { escape(text, inAttribute: false) }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "'" where inAttribute: out += "&#39;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            case "\r": out += "&#13;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
