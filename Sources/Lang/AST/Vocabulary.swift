import Cluster

/// The language's fixed words, shared by the parser, suggestions, `help` and completion.
public enum Vocabulary {
    /// Words that start a command.
    public static let commands = [
        "config", "seed", "add", "remove", "kill", "restart", "pause", "resume", "partition", "isolate",
        "heal", "put", "get", "delete", "stream", "close", "disconnect", "reconnect", "advance", "wait",
        "at", "expect", "chaos", "check", "show", "echo", "trace", "repeat", "include", "help", "quit",
    ]
    /// Other reserved words (LANGUAGE.md, "Node and stream names").
    public static let keywords = [
        "wipe", "via", "initial", "only", "absent", "next", "last", "count", "empty", "owners", "sees",
        "up", "down", "converged", "within", "ok", "fail", "ring", "nodes", "key", "streams", "stats",
        "on", "off",
    ]
    /// `chaos` option names.
    public static let chaosOptions = ["ops", "keys", "streams"]
    /// `config` keys.
    public static let configKeys = SettingKey.allCases.map(\.rawValue)
    /// What may follow `show`.
    public static let showTargets = ["ring", "nodes", "key", "streams", "stats", "convergence"]
    /// What may follow `expect` as a fixed word.
    public static let expectForms = ["get", "stream", "owners", "converged", "ok", "fail"]

    /// Every word that cannot name a node or stream.
    public static let reserved: Set<String> = Set(commands + keywords + chaosOptions + configKeys)

    /// True when `name` matches `[A-Za-z_][A-Za-z0-9_-]*` and is not reserved.
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !reserved.contains(name) else { return false }
        func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        guard letter(first) else { return false }
        return name.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
