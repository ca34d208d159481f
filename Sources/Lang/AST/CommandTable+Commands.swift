import Cluster

/// Entries read back as `Command`s: what the interpreter and tests walk.
extension CommandTable {
    /// The command of entry `index`, its words reading their text from `file`.
    func command(at index: Int, in file: SourceFile) -> Command {
        let entry = entries[index]
        if entry.kind == .built { return built[Int(entry.value)] }
        // The command word, then its words in order along the line.
        var reader = SourceReader(file: file)
        let range = reader.range(entry.anchor)
        return Command(kind(of: index, reading: &reader), at: range)
    }

    private func kind(of index: Int, reading reader: inout SourceReader) -> CommandKind {
        let file = reader.file
        let entry = entries[index]
        let all = words(of: entry)
        let hasVia = entry.flags.contains(.via)
        /// The words after the first `skip`, without the `via` node.
        func rest(after skip: Int) -> ArraySlice<Lexeme> { all.dropFirst(skip).dropLast(hasVia ? 1 : 0) }
        func word(_ offset: Int) -> Word { reader.word(all[all.startIndex + offset]) }
        func names(after skip: Int) -> [Word] { rest(after: skip).map { reader.word($0) } }
        func pairs(after skip: Int) -> [Assignment] {
            let run = rest(after: skip)
            return stride(from: run.startIndex, to: run.endIndex, by: 2).map {
                Assignment(field: reader.word(run[$0]), value: reader.word(run[$0 + 1]))
            }
        }
        /// Read last: it is the last word of the line.
        func via() -> Word? { hasVia ? all.last.map { reader.word($0) } : nil }
        /// The entry's number: `value` as read, or its word `offset` that holds `$i`.
        func amount<Value>(_ value: Value, word offset: Int = 0) -> Amount<Value> {
            entry.flags.contains(.iterated) ? .iterated(word(offset)) : .value(value)
        }
        func body() -> [Command] { children(of: index).map { command(at: $0, in: file) } }

        switch entry.kind {
        case .built: return built[Int(entry.value)].kind
        case .put:
            let key = word(0), fields = pairs(after: 1)
            return .put(key: key, fields: fields, via: via())
        case .get, .delete:
            let key = word(0), fields = names(after: 1)
            return entry.kind == .get ? .get(key: key, fields: fields, via: via())
                : .delete(key: key, fields: fields, via: via())
        case .stream:
            let name = word(0), key = word(1)
            return .stream(name: name, key: key, fields: names(after: 2), initial: entry.flags.contains(.initial))
        case .at: return .at(time: amount(entry.value), block: body())
        case .repeat: return .repeat(count: amount(Int(entry.value)), body: body())
        case .expectGet:
            let key = word(0), fields = pairs(after: 1)
            return .expect(.get(key: key, fields: fields, only: entry.flags.contains(.only), via: via()))
        case .expectGetAbsent:
            let key = word(0)
            return .expect(.getAbsent(key: key, via: via()))
        case .expectStreamNext: return .expect(.streamNext(word(0), pairs(after: 1)))
        case .expectStreamLast: return .expect(.streamLast(word(0), pairs(after: 1)))
        case .expectStreamCount: return .expect(.streamCount(word(0), amount(Int(entry.value), word: 1)))
        case .expectStreamEmpty: return .expect(.streamEmpty(word(0)))
        case .expectOwners:
            let key = word(0)
            return .expect(.owners(key: key, nodes: names(after: 1)))
        case .expectSees:
            let observer = word(0)
            return .expect(.sees(observer, word(1), up: entry.flags.contains(.up)))
        case .expectConverged: return .expect(.converged)
        case .expectOk: return .expect(.ok(command(at: index + 1, in: file)))
        case .expectFail: return .expect(.fail(command(at: index + 1, in: file)))
        }
    }
}
