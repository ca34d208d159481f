/// The lines that fill most large scripts, parsed in one scan of their bytes with no tokens: a
/// plain `put`, `get`, `delete` or `expect get` , alone
/// on its line or as the whole body of `repeat N { … }`, and `repeat N {` opening a block.
///
/// It only skips work, never decides anything the general path would not: at anything else
/// (any error, an option, a brace elsewhere, a name to check as a `String`) it answers nil, the
/// caller rolls the table back, and `Lexer` and `ScriptParser` read the line and say what it is.
struct PlainLineParser {
    enum Line {
        /// Blanks or a comment.
        case empty
        /// A command: its entry.
        case command(Int)
        /// `repeat N {`, its body on the lines after: its header and entry.
        case openedRepeat(BlockHeader, entry: Int)
        /// `repeat N { COMMAND }`: its entry, closed.
        case closedRepeat(Int)
    }

    private var scanner: PlainLineScanner

    /// Reads line `number` of `file`, which starts at byte `start`.
    init(file: SourceFile, start: Int, number: Int) {
        scanner = PlainLineScanner(file: file, start: start, number: number)
    }

    /// Once `parse` has answered a line: its bounds, and where the next starts (nil: none).
    var line: SourceFile.LineBounds { scanner.line }
    var nextStart: Int? { scanner.nextStart }

    /// The line's commands, appended to `table`; nil when the general path must read the line
    /// (some of it may be appended: the caller rolls back). `inRepeat`: `$i` is defined;
    /// `mayOpenBlock`: a block opened here would not nest too deep.
    @inline(__always)
    mutating func parse(into table: inout CommandTable, inRepeat: Bool, mayOpenBlock: Bool) -> Line? {
        if scanner.atEnd() { return .empty }
        guard scanner.next() == .bare, let verb = plainVerb(scanner.word) else { return nil }
        let anchor = scanner.word
        if verb == .repeat { return mayOpenBlock ? repeatLine(anchor: anchor, into: &table) : nil }
        guard let (entry, closed) = command(verb, anchor: anchor, into: &table), !closed,
              inRepeat || !scanner.sawDollar else { return nil }
        return .command(entry)
    }

    /// `repeat N {` or `repeat N { COMMAND }`, the scanner past `repeat`.
    private mutating func repeatLine(anchor: Lexeme, into table: inout CommandTable) -> Line? {
        guard scanner.next() == .bare, let count = Values.count(scanner.bytes(of: scanner.word)),
              scanner.next() == .openBrace else { return nil }
        let brace = scanner.word
        let entry = table.append(.repeat, at: anchor, wordsFrom: table.nextWord, value: Int64(count))
        if scanner.atEnd() {
            return .openedRepeat(BlockHeader(kind: .repeat(.value(count)), word: anchor, brace: brace), entry: entry)
        }
        guard scanner.next() == .bare, let verb = plainVerb(scanner.word), verb != .repeat,
              let (_, closed) = command(verb, anchor: scanner.word, into: &table), closed,
              scanner.atEnd() else { return nil }
        table.close(entry)
        return .closedRepeat(entry)
    }

    /// `put`, `get`, `delete`, `expect`, `repeat`; nil for any other word.
    @inline(__always)
    private func plainVerb(_ word: Lexeme) -> PlainVerb? {
        switch scanner.leadingBytes(of: word) {
        case PlainLineScanner.Spelling.put: .put
        case PlainLineScanner.Spelling.get: .get
        case PlainLineScanner.Spelling.delete: .delete
        case PlainLineScanner.Spelling.expect: .expect
        case PlainLineScanner.Spelling.repeat: .repeat
        default: nil
        }
    }

    /// A plain `put`, `get`, `delete` or `expect get` (the scanner past the verb) up to the line's
    /// end or a `}`: its entry, and whether a `}` ended it.
    ///
    /// As in `CommandParser.plainVia`, a bare `via` and a word are the `via` option only as the
    /// line's last two words after the key; a bare `via` last leaves the line to the general path.
    private mutating func command(_ verb: PlainVerb, anchor: Lexeme,
                                  into table: inout CommandTable) -> (entry: Int, closed: Bool)? {
        let kind: CommandTable.Kind
        switch verb {
        case .put: kind = .put
        case .get: kind = .get
        case .delete: kind = .delete
        case .expect:
            guard scanner.next() == .bare,
                  scanner.leadingBytes(of: scanner.word) == PlainLineScanner.Spelling.get else { return nil }
            kind = .expectGet
        default: return nil
        }
        let firstWord = table.nextWord
        let keyKind = scanner.next()
        guard keyKind == .bare || keyKind == .quoted else { return nil }
        let key = scanner.word
        table.append(word: key)
        var pairs = 0
        /// Bare words after the key.
        var bare = 0
        let keyIsVia = keyKind == .bare && isVia(key)
        var lastIsVia = keyIsVia
        /// The last two words are a bare `via` after the key and a bare word.
        var endsInVia = false
        var closed = false
        scan: while true {
            switch scanner.next() {
            case .end:
                break scan
            case .closeBrace:
                closed = true
                break scan
            case .assignment:
                table.append(word: scanner.word)
                table.append(word: scanner.value)
                pairs += 1
                (lastIsVia, endsInVia) = (false, false)
            case .bare:
                table.append(word: scanner.word)
                bare += 1
                endsInVia = lastIsVia && bare >= 2
                lastIsVia = isVia(scanner.word)
            default:
                return nil
            }
        }
        // A `via` last, or a `via` key and one word after it: the general path decides.
        guard !lastIsVia, !(bare == 1 && pairs == 0 && keyIsVia) else { return nil }
        let fields = endsInVia ? bare - 2 : bare
        switch kind {
        case .get, .delete:
            guard pairs == 0, !repeatsAName(table, from: firstWord + 1, count: fields) else { return nil }
        default: guard pairs > 0 && fields == 0 else { return nil }
        }
        if repeatsAField(table, pairsFrom: firstWord + 1, count: pairs) { return nil }
        var flags: CommandTable.Flags = []
        if endsInVia {
            guard let node = table.lastWord,
                  Vocabulary.isSurelyValidName(scanner.bytes(of: node)) else { return nil }
            table.replaceLastTwoWords(with: node)
            flags = .via
        }
        return (table.append(kind, at: anchor, wordsFrom: firstWord, flags: flags), closed)
    }

    /// True when two of the `count` field=value pairs appended from word `first` name the same
    /// field (the general path reports it).
    private func repeatsAField(_ table: CommandTable, pairsFrom first: Int, count: Int) -> Bool {
        repeatsAWord(table, from: first, count: count, stride: 2)
    }

    /// True when two of the `count` words appended from word `first` (a field list) are the same (the
    /// general path reports it).
    private func repeatsAName(_ table: CommandTable, from first: Int, count: Int) -> Bool {
        repeatsAWord(table, from: first, count: count, stride: 1)
    }

    /// True when two of `count` words, every `stride`th from word `first`, are the same. Runs on
    /// nearly every line, so words are told apart by length and first 8 bytes (one load) before
    /// any byte-by-byte comparison.
    private func repeatsAWord(_ table: CommandTable, from first: Int, count: Int, stride: Int) -> Bool {
        guard count > 1 else { return false }
        return table.words.withUnsafeBufferPointer { words in
            for i in 0 ..< count - 1 {
                let a = words[first + stride * i]
                let aLength = a.end &- a.start, aLeading = scanner.leadingBytes(of: a)
                for j in i + 1 ..< count {
                    let b = words[first + stride * j]
                    if b.end &- b.start == aLength && scanner.leadingBytes(of: b) == aLeading
                        && (aLength <= 8 || ByteScan.equal(scanner.bytes(of: a), scanner.bytes(of: b))) {
                        return true
                    }
                }
            }
            return false
        }
    }

    @inline(__always)
    private func isVia(_ word: Lexeme) -> Bool {
        scanner.leadingBytes(of: word) == PlainLineScanner.Spelling.via
    }
}

/// The command words a plain line may start with.
private enum PlainVerb { case put, get, delete, expect, `repeat` }
