import Cluster

/// A word as written: bare or quoted (escapes already resolved), with where it stands.
/// Words may hold `$i`, substituted by the interpreter inside `repeat`.
///
/// A word the parser read from a file keeps only where its text is in the file's bytes, and
/// `text` makes the `String` when asked: most words of a large script are not read before it runs,
/// and a `String` for each would cost more than the rest of the parse.
public struct Word: Equatable, Sendable {
    public var text: String {
        get {
            switch storage {
            case .text(let text): return text
            case .source(let bytes, let escaped): return location.file.text(bytes, escaped: escaped)
            }
        }
        set { storage = .text(newValue) }
    }

    public var range: SourceRange {
        get { location }
        set {
            // The text is read from `range.file`: keep it as a String before the range moves.
            if case .source = storage { storage = .text(text) }
            location = newValue
        }
    }

    public var quoted: Bool

    private enum Storage: Sendable {
        case text(String)
        /// The bytes of `location.file` that hold the text (between the quotes, escapes unresolved).
        case source(Range<Int>, escaped: Bool)
    }

    // In this order, a Word takes 56 bytes: the storage's tag shares a word with `quoted`.
    private var storage: Storage
    private var location: SourceRange

    public init(_ text: String, at range: SourceRange, quoted: Bool = false) {
        self.storage = .text(text)
        self.quoted = quoted
        self.location = range
    }

    /// A word whose text is `bytes` of `range.file` (with escapes to resolve when `escaped`).
    init(source bytes: Range<Int>, escaped: Bool, at range: SourceRange, quoted: Bool) {
        self.storage = .source(bytes, escaped: escaped)
        self.quoted = quoted
        self.location = range
    }

    public static func == (a: Word, b: Word) -> Bool {
        a.quoted == b.quoted && a.location == b.location && a.text == b.text
    }
}

/// `field=value`; `range` covers the whole assignment.
public struct Assignment: Equatable, Sendable {
    public var field: Word
    public var value: Word
    public init(field: Word, value: Word) {
        self.field = field
        self.value = value
    }
}

/// A parsed script: its commands in order, with `include`s resolved.
///
/// The commands are kept flat (`CommandTable`); `commands` builds each `Command` as it is read.
public struct Script: Equatable, Sendable {
    public let file: SourceFile
    let table: CommandTable

    init(file: SourceFile, table: CommandTable) {
        self.file = file
        self.table = table
    }

    /// The top-level commands, in file order.
    public var commands: Commands { Commands(file: file, table: table) }

    public struct Commands: RandomAccessCollection, Sendable {
        let file: SourceFile
        let table: CommandTable

        public var startIndex: Int { 0 }
        public var endIndex: Int { table.roots.count }
        public subscript(position: Int) -> Command { table.command(at: Int(table.roots[position]), in: file) }
    }

    public static func == (a: Script, b: Script) -> Bool {
        a.file === b.file && a.commands.elementsEqual(b.commands)
    }
}

/// One command with the range of its first word (its line, for diagnostics and `file:line`).
public struct Command: Equatable, Sendable {
    public var kind: CommandKind
    public var range: SourceRange
    public init(_ kind: CommandKind, at range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// What a command is: its declaration, with arguments of a type of the declaration's own. Every
/// command is declared in a file of its own in `Sources/Lang/Commands/`, which says how it parses,
/// runs, checks its names and is written back. Node, key, stream and field words are kept as
/// `Word`s (they may hold `$i`); numbers and durations are `Amount`s, already checked and converted
/// unless their word holds `$i`.
public enum CommandKind: Equatable, Sendable {
    case declared(DeclaredCommand)
}

extension Command {
    /// The command's declaration and arguments.
    public var declared: DeclaredCommand {
        switch kind {
        case .declared(let declared): declared
        }
    }
}
