import Cluster

extension CommandDeclaration {
    /// `stream NAME KEY FIELD… [initial]`: opens a live query.
    static let stream = CommandDeclaration(
        word: "stream", helpOrder: 150, group: .streams,
        usages: ["stream NAME KEY FIELD… [initial]"],
        summary: "open a named live query on fields of a key",
        details: [
            "Opens a live query on the selected fields of KEY (the key need not exist yet). Runs",
            "until the registration is stored on `write` replicas (failing, like a put, on a",
            "timeout) and reads the starting view; views then follow changes to it, each printed",
            "with the stream's name, a sequence number, the key and the view.",
            "initial also delivers the starting view first.",
        ],
        example: ["stream s Alice balance", "put Alice balance=110", "expect stream s next balance=110"],
        keywords: ["initial"],
        // Words: name, key, fields (flag `initial`).
        parse: { parser, args, table throws(ScriptError) in
            let firstWord = table.nextWord
            let initial = args.takeFlag("initial") != nil
            table.append(word: try args.stream())
            table.append(word: try args.key())
            if try parser.fields(&args, into: &table) == 0 { throw args.missing("at least one field name") }
            return parser.entry(args, names: .opensStream, from: firstWord, initial ? .initial : [], into: &table)
        },
        read: { entry in
            let name = entry.word(0), key = entry.word(1)
            return StreamArguments(name: name, key: key, fields: entry.words(after: 2),
                                   initial: entry.flags.contains(.initial))
        },
        complete: { arguments, context in
            switch arguments.count {
            case 0: return []                  // a new stream's name
            case 1: return context.keys
            default: return context.fields(of: arguments[1]) + ["initial"]
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
}

/// `stream`'s arguments.
public struct StreamArguments: CommandArguments, Equatable {
    public var name: Word
    public var key: Word
    public var fields: [Word]
    public var initial: Bool
}

extension CommandKind {
    /// `stream NAME KEY FIELD… [initial]`, as `chaos` and tests write it.
    static func stream(name: Word, key: Word, fields: [Word], initial: Bool) -> CommandKind {
        .declared(DeclaredCommand(CommandDeclaration.stream,
                                  StreamArguments(name: name, key: key, fields: fields, initial: initial)))
    }
}
