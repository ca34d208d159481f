/// What `help COMMAND` knows about one command word: how to write it, what it does, an example.
struct HelpEntry: Sendable {
    /// The command word, as in `Vocabulary.commands`.
    var name: String
    /// The group LANGUAGE.md lists it under (used to group `help`).
    var group: HelpGroup
    /// One or more usage forms, e.g. `kill NODE [wipe]`.
    var usages: [String]
    /// A few words for the overview line.
    var summary: String
    /// A few lines for `help COMMAND`, faithful to LANGUAGE.md.
    var details: [String]
    /// Lines of a small script using the command.
    var example: [String]
}

/// The command groups of LANGUAGE.md, in its order.
enum HelpGroup: String, CaseIterable, Sendable {
    case cluster = "Cluster and network"
    case client = "Client operations"
    case streams = "Live queries"
    case time = "Time"
    case expectations = "Expectations"
    case faults = "Fault campaigns and checking"
    case inspection = "Inspection and scripting"
}
