import Lang

/// What completion may offer besides the language's fixed words: the names the session knows now.
struct CompletionContext: Equatable, Sendable {
    var nodes: [String] = []
    var keys: [String] = []
    /// Open streams.
    var streams: [String] = []
    /// Fields ever written, per key (a key missing here has none known).
    var fieldsByKey: [String: [String]] = [:]
    var configKeys: [String] = Vocabulary.configKeys

    func fields(of key: String) -> [String] { fieldsByKey[key] ?? [] }
}
