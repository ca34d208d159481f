/// A parsed file's commands in flat arrays: what `Script` keeps.
///
/// A large script is mostly client operations, expectations and blocks, whose arguments are words,
/// flags and at most one number. Each such command is one `Entry`, and its words a run of `words`
/// (byte spans of the file, with no reference to it): a parse allocates no object per command and
/// the result is a few times the size of the file. Blocks come before their bodies (pre-order), so
/// a block's body is the entries up to its `end`. Every other command is declared
/// (`CommandKind.declared`) and kept as a built `Command` in `built`.
///
/// `Script.commands` turns entries back into `Command`s, one at a time, as they are read
/// (`CommandTable+Commands.swift`).
struct CommandTable: Sendable {
    /// What a flat entry is, and so how its words and value read.
    enum Kind: UInt8, Sendable {
        /// `built[value]`.
        case built
        /// Words: key, field and value pairs, then the node of a `via` (flag `via`).
        case put
        /// Words: key, fields, then the node of a `via` (flag `via`).
        case get, delete
        /// Words: name, key, fields (flag `initial`).
        case stream
        /// value: the time or count (flag `iterated`: word, the time or count); the body follows,
        /// up to `end`.
        case at, `repeat`
        /// Words: key, field and value pairs, then a `via` node (flags `only`, `via`).
        case expectGet
        /// Words: key, then a `via` node (flag `via`).
        case expectGetAbsent
        /// Words: the stream's name, then field and value pairs.
        case expectStreamNext, expectStreamLast
        /// Words: the stream's name; value: the count (flag `iterated`: then the count's word).
        case expectStreamCount
        /// Words: the stream's name.
        case expectStreamEmpty
        /// Words: key, then the nodes.
        case expectOwners
        /// Words: the observer and the other node (flag `up`).
        case expectSees
        case expectConverged
        /// The command expected to succeed or fail is the next entry.
        case expectOk, expectFail
    }

    struct Flags: OptionSet, Sendable {
        var rawValue: UInt8
        static let via = Flags(rawValue: 1)
        static let initial = Flags(rawValue: 4)
        static let only = Flags(rawValue: 8)
        static let up = Flags(rawValue: 16)
        /// The entry's number is its word that holds `$i`, read as each iteration runs (`Kind`
        /// says which word); `value` is 0.
        static let iterated = Flags(rawValue: 64)
    }

    struct Entry: Sendable {
        var kind: Kind
        var flags: Flags
        /// Its words are `words[firstWord ..< firstWord + wordCount]`.
        var firstWord: UInt32
        var wordCount: UInt32
        /// The index after this entry and everything nested in it (a block's body, `expect ok`'s command).
        var end: UInt32
        /// The number the kind says (`Kind`).
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

    /// Appends an entry whose words were appended since `firstWord`; returns its index.
    @discardableResult
    mutating func append(_ kind: Kind, at anchor: Lexeme, wordsFrom firstWord: Int, flags: Flags = [],
                         value: Int64 = 0) -> Int {
        let index = entries.count
        entries.append(Entry(kind: kind, flags: flags, firstWord: UInt32(firstWord),
                             wordCount: UInt32(words.count - firstWord), end: UInt32(index + 1),
                             value: value, anchor: anchor))
        return index
    }

    /// Appends a command kept whole; returns its entry's index.
    mutating func append(built command: Command) -> Int {
        built.append(command)
        return append(.built, at: Lexeme(from: 0, to: 0, line: 0), wordsFrom: words.count,
                      value: Int64(built.count - 1))
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
