// TEMPORARY: replaced by the help texts (branch `repl`) at merge.
public enum HelpText {
    public static var overview: String { "" }
    public static func command(_ name: String) -> String? { nil }
}
