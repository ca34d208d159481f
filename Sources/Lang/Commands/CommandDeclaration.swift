/// Everything about one command, declared in one place (a file of `Commands/` per command word):
/// its word, its usage, its help with an example, the reserved words it brings, how its arguments
/// are parsed and checked, what Tab completes after it and, through its `behaviour`, how it runs,
/// which names it uses and how it is written back. The verb list, usage lines, `help`, the
/// reserved names and completion are all read from these declarations (`CommandDeclarations`).
///
/// A class: the parser reaches a command's declaration at every line, and sharing it costs one
/// reference count where copying its fields would cost one each.
public final class CommandDeclaration: Sendable {
    /// Parses the command's arguments (after its word) into an entry of the table; returns it.
    typealias Parse = @Sendable (CommandParser, inout Arguments, inout CommandTable) throws(ScriptError) -> Int
    /// The header of a block command (`repeat N`, `at TIME`): the words before its `{`; returns the
    /// number its entry keeps.
    typealias Header = @Sendable (inout Arguments) throws(ScriptError) -> Reading<Int64>
    /// Reads a table entry the command's `parse` made back into its arguments.
    typealias Read = @Sendable (inout EntryReader) -> any CommandArguments

    /// What may come next after the command's word and `arguments` (the complete words after it).
    public typealias Complete = @Sendable (_ arguments: [String], _ context: CompletionContext) -> [String]

    /// The word that starts the command.
    public let word: String
    /// Where `help` lists it: declarations are listed by this number, lowest first.
    let helpOrder: Int
    /// The section of `help` (and of docs/language.md) it is listed under.
    let group: HelpGroup
    /// Its usage forms; the first is what error messages show, unless `errorUsage` says otherwise.
    let usages: [String]
    /// The usage an error message shows, when one line must say more than `usages[0]`.
    let errorUsage: String?
    /// Usages of the command's forms (`expect get`), named with the command's word first.
    let formUsages: [(name: String, usage: String)]
    /// A few words for the `help` overview.
    let summary: String
    /// The usage the overview shows when the full one is too long for a line (`show WHAT`).
    let shortUsage: String?
    /// A few lines for `help COMMAND`.
    let details: [String]
    /// Lines of a small script using the command.
    let example: [String]
    /// Words the command gives a meaning (`wipe`, `via`, …): they cannot name a node or a stream.
    let keywords: [String]
    /// The names of its `NAME=VALUE` options (`config`'s settings): reserved too.
    let optionNames: [String]
    /// May stand in an `at` block.
    let runsInAtBlock: Bool
    let parse: Parse
    /// Set for a command that opens a block; `parse` then only reports the missing block.
    let header: Header?
    /// Its block defines `$i` (`repeat`).
    let bindsIteration: Bool
    /// Its block holds only commands that may run in an `at` block, and this says which (`at`).
    let blockRestriction: String?
    /// Set for a command whose `parse` makes a table entry of its own (not a built command).
    let read: Read?
    let complete: Complete
    /// How the command runs, checks its names and is written back.
    let behaviour: CommandBehaviour

    init(word: String, helpOrder: Int, group: HelpGroup, usages: [String], errorUsage: String? = nil,
         formUsages: [(name: String, usage: String)] = [], summary: String, shortUsage: String? = nil,
         details: [String], example: [String], keywords: [String] = [], optionNames: [String] = [],
         runsInAtBlock: Bool = false,
         parse: @escaping Parse, header: Header? = nil, bindsIteration: Bool = false,
         blockRestriction: String? = nil, read: Read? = nil,
         complete: @escaping Complete = { _, _ in [] },
         behaviour: CommandBehaviour) {
        self.word = word
        self.helpOrder = helpOrder
        self.group = group
        self.usages = usages
        self.errorUsage = errorUsage
        self.formUsages = formUsages
        self.summary = summary
        self.shortUsage = shortUsage
        self.details = details
        self.example = example
        self.keywords = keywords
        self.optionNames = optionNames
        self.runsInAtBlock = runsInAtBlock
        self.parse = parse
        self.header = header
        self.bindsIteration = bindsIteration
        self.blockRestriction = blockRestriction
        self.read = read
        self.complete = complete
        self.behaviour = behaviour
    }

    /// The usage error messages show.
    var usage: String { errorUsage ?? usages[0] }
    /// What the overview shows for the command.
    var overviewUsage: String { shortUsage ?? usages[0] }
}

/// The command groups, in the order `help` and docs/language.md list them.
enum HelpGroup: String, CaseIterable, Sendable {
    case cluster = "Cluster and network"
    case client = "Client operations"
    case streams = "Live queries"
    case time = "Time"
    case expectations = "Expectations"
    case faults = "Fault campaigns and checking"
    case inspection = "Inspection and scripting"
}
