/// Text as the language reads it back: bare when it can be, else double-quoted with `\" \\ \n \t`
/// escapes. Keys and values are written this way wherever they appear (replies, views, `show`
/// tables, traces), so an empty value or one with blanks is never mistaken for padding.
public enum Quoting {
    public static func word(_ text: String) -> String {
        let bare = !text.isEmpty && text.unicodeScalars.allSatisfy { c in
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || "._-:/@+$*%".unicodeScalars.contains(c)
        }
        if bare { return text }
        var quoted = "\""
        for c in text {
            switch c {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.append(c)
            }
        }
        return quoted + "\""
    }
}
