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
    /// The usage shown in the overview when the full one is too long for a line (`show WHAT`).
    var shortUsage: String? = nil
    /// A few lines for `help COMMAND`, faithful to LANGUAGE.md.
    var details: [String]
    /// Lines of a small script using the command.
    var example: [String]

    /// What the overview shows for the command.
    var overviewUsage: String { shortUsage ?? usages[0] }
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
