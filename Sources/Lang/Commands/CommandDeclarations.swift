/// Every command of the language, in the order `help` lists them, and what is read from them:
/// the command words, the reserved words, usage lines and the lookup of a command word.
///
/// Adding a command: declare it, with its behaviour, in a file of its own (see `Kill.swift`) and
/// name it here; its tests are a line of `CommandParsingTests.table` and its section, with an
/// example, in docs/language.md (`LanguageReferenceTests` asks for one).
public enum CommandDeclarations {
    public static let all: [CommandDeclaration] = [
        .config, .seed, .add, .remove, .kill, .restart, .pause, .resume, .partition, .isolate, .heal,
        .put, .get, .delete,
        .stream, .close, .disconnect, .reconnect,
        .advance, .wait, .at,
        .expect,
        .chaos, .check,
        .show, .echo, .trace, .repeat, .include, .help, .quit,
    ]

    /// The declaration of the command `word` starts.
    public static func named(_ word: String) -> CommandDeclaration? {
        var word = word
        return word.withUTF8 { index(spelt: $0) }.map { all[$0] }
    }

    /// The index in `all` of the command that the UTF-8 `word` spells. Commands are looked up by
    /// length and then compared whole: a command line's word is matched with no `String` made.
    static func index(spelt word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count < byLength.count else { return nil }
        for candidate in byLength[word.count]
        where spellings[candidate].withUnsafeBufferPointer({ ByteScan.equal($0, word) }) {
            return candidate
        }
        return nil
    }

    /// The index in `all` of the command that `lexeme` spells, read on the file's bytes.
    static func index(_ source: SourceBytes, _ lexeme: Lexeme) -> Int? {
        guard !lexeme.escaped else { return nil }
        return source.withText(of: lexeme, index(spelt:))
    }

    /// Each command's word, as bytes.
    private static let spellings: [[UInt8]] = all.map { Array($0.word.utf8) }

    /// The indices of the commands of each word length.
    private static let byLength: [[Int]] = {
        var table = [[Int]](repeating: [], count: (all.map(\.word.utf8.count).max() ?? 0) + 1)
        for (index, declaration) in all.enumerated() { table[declaration.word.utf8.count].append(index) }
        return table
    }()

    /// The usage of a command or of one of its forms (`expect get`), as error messages show it.
    public static func usage(of name: String) -> String? {
        for declaration in all {
            if declaration.word == name { return declaration.usage }
            if let form = declaration.formUsages.first(where: { $0.name == name }) { return form.usage }
        }
        return nil
    }

    /// The words the commands give a meaning, in declaration order, each once.
    static let keywords: [String] = {
        var seen: Set<String> = []
        return all.flatMap(\.keywords).filter { seen.insert($0).inserted }
    }()

    /// What Tab may complete after the complete `words` of a command (none yet: the command words).
    public static func completions(after words: [String], context: CompletionContext) -> [String] {
        guard let first = words.first else { return Vocabulary.commands }
        return named(first)?.complete(Array(words.dropFirst()), context) ?? []
    }
}

/// The usage form of every command, as error messages (and `help`) show it.
public enum Usage {
    public static func of(_ command: String) -> String? { CommandDeclarations.usage(of: command) }
}
