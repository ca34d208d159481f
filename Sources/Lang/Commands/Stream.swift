import Cluster

extension CommandDeclaration {
    /// `stream NAME KEY FIELD… [initial] [retry DURATION]`: opens a live query.
    static let stream = CommandDeclaration(
        word: "stream", helpOrder: 150, group: .streams,
        usages: ["stream NAME KEY FIELD… [initial] [retry DURATION]"],
        summary: "open a named live query on fields of a key",
        shortUsage: "stream NAME KEY FIELD… [initial] …",
        details: [
            "Opens a live query on the selected fields of KEY (the key need not exist yet). Runs",
            "until the registration is stored on `write` replicas (failing, like a put, on a",
            "timeout) and reads the starting view; views then follow changes to it, each printed",
            "with the stream's name, a sequence number, the key and the view.",
            "initial also delivers the starting view first. retry DURATION tries again after each",
            "failure until DURATION has passed: each failed try is printed, none is counted, and",
            "only a stream that never opened is an error.",
        ],
        example: ["stream s Alice balance", "put Alice balance=110", "expect stream s next balance=110"],
        keywords: ["initial"],
        // Words: name, key, fields, then (flags `retry` and `iterated`) the retry's word; value:
        // the retry's duration (flag `retry`).
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let retry = try args.takeRetry()
            let initial = args.takeFlag("initial") != nil
            table.append(word: try args.stream())
            table.append(word: try args.key())
            if try parser.fields(&args, into: &table) == 0 { throw args.missing("at least one field name") }
            var flags: CommandTable.Flags = initial ? .initial : []
            var value: Int64 = 0
            if let retry {
                let (micros, iterated) = parser.stored(retry, into: &table) { $0 }
                value = micros
                flags.formUnion(iterated ? [.retry, .iterated] : .retry)
            }
            return parser.entry(args, names: .opensStream, from: firstWord, flags, value: value, into: &table)
        },
        read: { entry in
            let name = entry.word(0), key = entry.word(1)
            let retryWord = entry.flags.contains(.retry) && entry.flags.contains(.iterated)
            let fields = entry.words(after: 2, dropLast: retryWord ? 1 : 0)
            var retry: Amount<Micros>?
            if entry.flags.contains(.retry) {
                let micros = entry.value, last = entry.wordCount - 1
                retry = entry.amount(micros, word: last)
            }
            return StreamArguments(name: name, key: key, fields: fields, initial: entry.flags.contains(.initial),
                                   retry: retry)
        },
        complete: { arguments, context in
            switch arguments.count {
            case 0: return []                  // a new stream's name
            case 1: return context.keys
            default:
                if arguments.last == "retry" { return [] }   // a duration
                return context.fields(of: arguments[1]) + ["initial", "retry"]
            }
        },
        behaviour: .of(StreamArguments.self,
            run: { interpreter, command, stream throws(ScriptError) in
                _ = try interpreter.openStream(command, stream, expectFailure: false)
                return .next
            },
            source: { stream, word in
                "stream \(Formatting.word(word(stream.name))) \(Formatting.word(word(stream.key))) "
                    + sourceText(words: stream.fields, word) + (stream.initial ? " initial" : "")
                    + (stream.retry.map { " retry " + sourceText($0, word, Durations.text) } ?? "")
            },
            checkSubstituted: { interpreter, stream throws(ScriptError) in
                try interpreter.checkSubstituted(stream.fields, listed: true)
            },
            outcome: { interpreter, command, stream throws(ScriptError) in
                try interpreter.openStream(command, stream, expectFailure: true)
            }))
}

extension CommandTable.Flags {
    /// `stream … initial`.
    static let initial = CommandTable.Flags(rawValue: 4)
    /// `stream … retry DURATION`.
    static let retry = CommandTable.Flags(rawValue: 2)
}

extension Arguments {
    /// A trailing `retry DURATION`, removed from the end: the duration.
    mutating func takeRetry() throws(ScriptError) -> Reading<Micros>? {
        guard let last = rest.last else { return nil }
        if source.isKeyword(last, "retry") {
            throw ScriptError("`retry` needs a duration after it: \(usage)", at: file.range(last.word))
        }
        guard rest.count >= 2, source.isKeyword(rest[rest.endIndex - 2], "retry") else { return nil }
        let retry = try duration(of: last)
        rest.removeLast(2)
        return retry
    }
}

/// `stream`'s arguments.
public struct StreamArguments: CommandArguments, Equatable {
    public var name: Word
    public var key: Word
    public var fields: [Word]
    public var initial: Bool
    /// How long to try again after a failed registration (nil: one try).
    public var retry: Amount<Micros>?
}

extension CommandKind {
    /// `stream NAME KEY FIELD… [initial] [retry DURATION]`, as `chaos` and tests write it.
    static func stream(name: Word, key: Word, fields: [Word], initial: Bool, retry: Amount<Micros>? = nil) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.stream,
                                  StreamArguments(name: name, key: key, fields: fields, initial: initial, retry: retry)))
    }
}
