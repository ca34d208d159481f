// TEMPORARY: replaced by the real front end (branch `lang`) and help texts (branch `repl`) at merge.
public struct ScriptLoader {
    let readFile: (String) throws -> String
    public init(readFile: @escaping (String) throws -> String) { self.readFile = readFile }
    public func load(text: String, path: String) throws(ScriptError) -> Script {
        Script(file: SourceFile(path: path, text: text), commands: [])
    }
}
public struct NameChecker {
    public init(nodes: Set<String>, streams: Set<String>) {}
    public mutating func check(_ script: Script) throws(ScriptError) {}
}
public enum Suggest { public static func nearest(_ word: String, in candidates: [String]) -> String? { nil } }
public enum HelpText {
    public static var overview: String { "" }
    public static func command(_ name: String) -> String? { nil }
}
