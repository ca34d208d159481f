/// A parsed file's commands in flat arrays: what `Script` keeps.
///
/// A large script is mostly client operations, expectations and blocks, whose arguments are words,
/// flags and at most one number. Each such command is one `Entry`, and its words a run of `words`
/// (byte spans of the file, with no reference to it): a parse allocates no object per command and
/// the result is a few times the size of the file. Blocks come before their bodies (pre-order), so
/// a block's body is the entries up to its `end`. A command whose arguments are more than that is
/// kept as a built `Command` in `built`.
///
/// What an entry's words, form, flags and value mean is its command's declaration's business: it
/// writes them as it parses, with which of them name nodes and streams (`NameUse`, what the name
/// check reads), and reads them back as its arguments (`CommandDeclaration.read`), one command at a
/// time as `Script.commands` is read.
struct CommandTable: Sendable {
    /// An entry's flags. Those below are the table's; a declaration names its own in the bits
    /// 2 to 5 (`initial`, `only`, …), in its own file.
    struct Flags: OptionSet, Sendable {
        var rawValue: UInt8
        /// The entry's last word is the node of a `via`.
        static let via = Flags(rawValue: 1)
        /// The entry's number is its word that holds `$i`, read as each iteration runs (its
        /// declaration says which word); `value` is 0.
        static let iterated = Flags(rawValue: 64)
        /// The command is `built[value]`.
        static let built = Flags(rawValue: 128)
    }

    struct Entry: Sendable {
        /// The command's index in `CommandDeclarations.all`.
        var command: UInt8
        /// Which form of its command the entry is, as its declaration numbers them (`expect`'s).
        var form: UInt8
        var flags: Flags
        /// Which of its words name nodes and streams, as the name check reads them.
        var names: NameUse
        /// Its words are `words[firstWord ..< firstWord + wordCount]`.
        var firstWord: UInt32
        var wordCount: UInt32
        /// The index after this entry and everything nested in it (a block's body, `expect ok`'s command).
        var end: UInt32
        /// The number its declaration keeps there (a time, a count), or the index in `built`.
        var value: Int64
        /// The command word: the command's range.
        var anchor: Lexeme
    }

    private(set) var entries: [Entry] = []
    /// Every entry's words, in entry order.
    private(set) var words: [Lexeme] = []
    /// The entries of the file's top level, in order.
    private(set) var roots: [UInt32] = []
    private(set) var built: [Command] = []

    var isEmpty: Bool { roots.isEmpty }

    /// An empty table with room for the commands of a script of `bytes` bytes, as most scripts
    /// run (a command per ~30 bytes, a word per ~10): a large one is not copied as it grows.
    init(forScriptOf bytes: Int) {
        entries.reserveCapacity(bytes / 24)
        words.reserveCapacity(bytes / 8)
        HugePages.advise(&entries)
        HugePages.advise(&words)
    }

    // MARK: Building (the parser)

    /// Where the next entry's words start: append them with `append(word:)`, then the entry.
    var nextWord: Int { words.count }

    mutating func append(word: Lexeme) { words.append(word) }

    /// The word appended last.
    var lastWord: Lexeme? { words.last }

    /// The last two words become `word` (a `via` and its node become the node).
    mutating func replaceLastTwoWords(with word: Lexeme) {
        guard words.count >= 2 else { return }
        words[words.count - 2] = word
        words.removeLast()
    }

    /// How far the table is filled: what `rollBack(to:)` returns it to.
    struct Mark {
        fileprivate let entries: Int
        fileprivate let words: Int
    }

    var mark: Mark { Mark(entries: entries.count, words: words.count) }

    /// Forgets the entries and words appended since `mark` (the roots are the caller's).
    mutating func rollBack(to mark: Mark) {
        entries.removeLast(entries.count - mark.entries)
        words.removeLast(words.count - mark.words)
    }

    /// Appends an entry of the command `command` (its index in `CommandDeclarations.all`) whose
    /// words were appended since `firstWord`; returns its index.
    @discardableResult
    mutating func append(command: Int, form: UInt8 = 0, names: NameUse, at anchor: Lexeme,
                         wordsFrom firstWord: Int, flags: Flags = [], value: Int64 = 0) -> Int {
        let index = entries.count
        entries.append(Entry(command: UInt8(truncatingIfNeeded: command), form: form, flags: flags, names: names,
                             firstWord: UInt32(firstWord), wordCount: UInt32(words.count - firstWord),
                             end: UInt32(index + 1), value: value, anchor: anchor))
        return index
    }

    /// Appends a command kept whole, of the command `command`; returns its entry's index.
    mutating func append(built command: Command, of declaration: Int) -> Int {
        built.append(command)
        return append(command: declaration, names: .none, at: Lexeme(from: 0, to: 0, line: 0), wordsFrom: words.count,
                      flags: .built, value: Int64(built.count - 1))
    }

    /// Entry `index` holds every entry appended after it (a block's body, or the command `expect ok`
    /// wraps).
    mutating func close(_ index: Int) { entries[index].end = UInt32(entries.count) }

    /// Entry `index` is a command of the file's top level.
    mutating func addRoot(_ index: Int) { roots.append(UInt32(index)) }

    // MARK: Reading

    func words(of entry: Entry) -> ArraySlice<Lexeme> {
        words[Int(entry.firstWord) ..< Int(entry.firstWord + entry.wordCount)]
    }

    /// The last of `entry`'s words (a `via` node), read without a slice.
    func lastWord(of entry: Entry) -> Lexeme? {
        entry.wordCount == 0 ? nil : words[Int(entry.firstWord) + Int(entry.wordCount) - 1]
    }

    /// The indices of the entries directly inside entry `index` (a block's body), in order.
    func children(of index: Int) -> Children {
        Children(entries: entries, position: index + 1, end: Int(entries[index].end))
    }

    struct Children: Sequence, IteratorProtocol {
        let entries: [Entry]
        var position: Int
        let end: Int

        mutating func next() -> Int? {
            guard position < end else { return nil }
            defer { position = Int(entries[position].end) }
            return position
        }
    }
}

/// Which words of a table entry name nodes and streams: what the name check (`NameChecker`) reads
/// of an entry, as its declaration's `parse` says. Each is a way of using names, not a command.
enum NameUse: UInt8, Sendable {
    case none
    /// The node of a `via`, when the entry has one (flag `via`, its last word).
    case via
    /// Word 0 is a stream the command opens (`stream`), unless it is expected to fail.
    case opensStream
    /// Word 0 names an open stream.
    case stream
    /// Every word names a node.
    case nodes
    /// Every word after the first (a key) names a node.
    case nodesAfterKey
    /// The entries of the block's body (up to `end`).
    case body
    /// The entry after this one (the command `expect ok` wraps).
    case next
    /// The entry after this one, expected to fail: it opens nothing.
    case nextExpectedToFail
}
