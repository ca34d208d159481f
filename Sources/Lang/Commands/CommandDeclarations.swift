/// Every command of the language, in the order `help` lists them, and what is read from them:
/// the command words, the reserved words, usage lines and the lookup of a command word.
///
/// Adding a command: declare it, with its behaviour, in a file of its own (see `Kill.swift`):
/// `CommandListPlugin` finds it there at the next build and lists it in `declared`. Its tests are a
/// line of `CommandParsingTests.table` and its section, with an example, in docs/language.md
/// (`LanguageReferenceTests` asks for one).
public enum CommandDeclarations {
    /// Every command, by `helpOrder`.
    public static let all: [CommandDeclaration] = declared.sorted { $0.helpOrder < $1.helpOrder }

    /// The declaration of the command `word` starts.
    public static func named(_ word: String) -> CommandDeclaration? {
        var word = word
        return word.withUTF8 { index(spelt: $0) }.map { all[$0] }
    }

    /// The index in `all` of the command that the UTF-8 `word` spells: a hash of its bytes, packed
    /// into two words, picks a slot of a small open-addressed table, whose entries are compared whole
    /// (a command line's word is matched with no `String` made and no search of the commands).
    static func index(spelt word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let key = Slot.Key(word) else { return nil }
        return index(of: key)
    }

    /// The index in `all` of the command whose key is `key`.
    private static func index(of key: Slot.Key) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            var at = key.hash & (slots.count - 1)
            while true {
                let slot = slots[at]
                if slot.command < 0 { return nil }
                if slot.key == key { return slot.command }
                at = (at + 1) & (slots.count - 1)
            }
        }
    }

    /// The index in `all` of the command that `lexeme` spells, read on the file's bytes.
    static func index(_ source: SourceBytes, _ lexeme: Lexeme) -> Int? {
        guard !lexeme.escaped else { return nil }
        let text = lexeme.textBytes
        // Away from the file's end, the word is packed with two eight-byte loads and masks.
        if text.count <= 16 && text.lowerBound + 16 <= source.bytes.count, let base = source.bytes.baseAddress {
            return index(of: Slot.Key(packing: UnsafeRawPointer(base + text.lowerBound), count: text.count))
        }
        return source.withText(of: lexeme, index(spelt:))
    }

    /// A command word's place in `slots`.
    private struct Slot {
        /// Up to 16 bytes of a word, packed little-endian, and its length.
        struct Key: Equatable {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var count = 0

            /// The key of `word`; nil for a word longer than any command can be.
            @inline(__always)
            init?(_ word: UnsafeBufferPointer<UInt8>) {
                count = word.count
                guard count <= 16 else { return nil }
                guard let base = word.baseAddress else { return }
                var index = 0
                let lowCount = min(count, 8)
                while index < lowCount {
                    low |= UInt64(base[index]) &<< UInt64(index &* 8)
                    index &+= 1
                }
                while index < count {
                    high |= UInt64(base[index]) &<< UInt64((index &- 8) &* 8)
                    index &+= 1
                }
            }

            /// The key of the `count` (at most 16) bytes at `bytes`, which may read 16 bytes.
            @inline(__always)
            init(packing bytes: UnsafeRawPointer, count: Int) {
                self.count = count
                let low = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
                let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                self.low = count >= 8 ? low : low & ((1 &<< UInt64(count &* 8)) &- 1)
                self.high = count >= 16 ? high : count <= 8 ? 0 : high & ((1 &<< UInt64((count &- 8) &* 8)) &- 1)
            }

            @inline(__always)
            var hash: Int {
                let mixed = (low ^ (high &* 0x9E37_79B9) ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15
                return Int(truncatingIfNeeded: mixed >> 32)
            }
        }

        var key: Key
        /// The command's index in `all`, or -1 for an empty slot.
        var command: Int
    }

    /// Every command word in a slot of its own, with empty slots (at least half of them) that end
    /// each search; its size is a power of two.
    private static let slots: [Slot] = {
        var size = 16
        while size < 2 * all.count { size *= 2 }
        let empty = Slot(key: Slot.Key(UnsafeBufferPointer(start: nil, count: 0))!, command: -1)
        var slots = [Slot](repeating: empty, count: size)
        for (index, declaration) in all.enumerated() {
            var word = declaration.word
            guard let key = word.withUTF8({ Slot.Key($0) }) else {
                preconditionFailure("command word `\(declaration.word)` is longer than 16 bytes")
            }
            var at = key.hash & (size - 1)
            while slots[at].command >= 0 { at = (at + 1) & (size - 1) }
            slots[at] = Slot(key: key, command: index)
        }
        return slots
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
