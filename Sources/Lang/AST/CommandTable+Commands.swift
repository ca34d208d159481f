import Cluster

/// Entries read back as `Command`s: what the interpreter and tests walk.
extension CommandTable {
    /// The command of entry `index`, its words reading their text from `file`.
    func command(at index: Int, in file: SourceFile) -> Command {
        let entry = entries[index]
        if entry.flags.contains(.built) { return built[Int(entry.value)] }
        let declaration = CommandDeclarations.all[Int(entry.command)]
        guard let read = declaration.read else {
            preconditionFailure("`\(declaration.word)` parses into a table entry but declares no `read`")
        }
        var reader = EntryReader(table: self, index: index, reader: SourceReader(file: file))
        // The command word, then its words in order along the line.
        let range = reader.reader.range(entry.anchor)
        return Command(.declared(DeclaredCommand(declaration, read(&reader))), at: range)
    }
}

/// One entry of a table, as its declaration reads it back into its arguments (`CommandDeclaration.read`).
/// Words are read in order along the line (the reader counts columns from the last one it read).
struct EntryReader {
    let table: CommandTable
    let index: Int
    var reader: SourceReader

    var entry: CommandTable.Entry { table.entries[index] }
    var form: UInt8 { entry.form }
    var flags: CommandTable.Flags { entry.flags }
    var value: Int64 { entry.value }
    var wordCount: Int { Int(entry.wordCount) }
    private var all: ArraySlice<Lexeme> { table.words(of: entry) }
    private var hasVia: Bool { flags.contains(.via) }

    /// Word `offset` of the entry.
    mutating func word(_ offset: Int) -> Word {
        let words = all
        return reader.word(words[words.startIndex + offset])
    }

    /// The words after the first `skip`, without the `via` node.
    private func rest(after skip: Int) -> ArraySlice<Lexeme> { all.dropFirst(skip).dropLast(hasVia ? 1 : 0) }

    /// The words after the first `skip` (without the `via` node, and the last `dropLast` words) as words.
    mutating func words(after skip: Int, dropLast: Int = 0) -> [Word] {
        rest(after: skip).dropLast(dropLast).map { reader.word($0) }
    }

    /// The words after the first `skip` (without the `via` node) as `field=value` pairs.
    mutating func assignments(after skip: Int) -> [Assignment] {
        let run = rest(after: skip)
        return stride(from: run.startIndex, to: run.endIndex, by: 2).map {
            Assignment(field: reader.word(run[$0]), value: reader.word(run[$0 + 1]))
        }
    }

    /// The node of a `via`: read last, as it is the last word of the line.
    mutating func via() -> Word? { hasVia ? all.last.map { reader.word($0) } : nil }

    /// The entry's number: `value` as read, or its word `offset` that holds `$i`.
    mutating func amount<Value>(_ value: Value, word offset: Int = 0) -> Amount<Value> {
        flags.contains(.iterated) ? .iterated(word(offset)) : .value(value)
    }

    /// The commands of a block's body.
    func body() -> [Command] { table.children(of: index).map { table.command(at: $0, in: reader.file) } }

    /// The command of the entry after this one (the command `expect ok` wraps).
    func next() -> Command { table.command(at: index + 1, in: reader.file) }
}
