import Cluster

/// The language's fixed words, shared by the parser, suggestions, `help` and completion.
public enum Vocabulary {
    /// Words that start a command.
    public static let commands = CommandDeclarations.all.map(\.word)
    /// Other reserved words: those the commands give a meaning (docs/language.md, "Names").
    public static let keywords = CommandDeclarations.keywords.filter { !commands.contains($0) }
    /// `chaos` option names.
    public static let chaosOptions = CommandDeclaration.chaosOptions
    /// `config` keys.
    public static let configKeys = SettingKey.allCases.map(\.rawValue)
    /// What may follow `show`.
    public static let showTargets = CommandDeclaration.showTargets
    /// What may follow `expect` as a fixed word.
    public static let expectForms = CommandDeclaration.expectForms

    /// Every word that cannot name a node or stream.
    public static let reserved: Set<String> = Set(commands + keywords + CommandDeclarations.all.flatMap(\.optionNames))

    /// True when `name` matches `[A-Za-z_][A-Za-z0-9_-]*` and is not reserved.
    public static func isValidName(_ name: String) -> Bool {
        var name = name
        let shape = name.withUTF8 { nameShape($0, iterationIsDigit: false) }
        // Hashing the name is the costly part: only a name that could be a reserved word pays for it.
        return shape.valid && !((shape.lowercaseOnly || !reservedAreLowercase) && reserved.contains(name))
    }

    /// True when the UTF-8 `name`, with `$i` counting as a digit, is a valid name that cannot be a
    /// reserved word, told without making a String. False says only "not surely": ask `NameRules`.
    static func isSurelyValidName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let shape = nameShape(name, iterationIsDigit: true)
        return shape.valid && !shape.lowercaseOnly && reservedAreLowercase
    }

    /// Whether `name` matches `[A-Za-z_][A-Za-z0-9_-]*`, and whether it holds lowercase letters only.
    private static func nameShape(_ name: UnsafeBufferPointer<UInt8>,
                                  iterationIsDigit: Bool) -> (valid: Bool, lowercaseOnly: Bool) {
        guard let first = name.first, first != UInt8(ascii: "-") && !isDigit(first),
              !(iterationIsDigit && first == UInt8(ascii: "$")) else { return (false, false) }
        var lowercaseOnly = true
        var index = 0
        while index < name.count {
            let byte = name[index]
            index += 1
            if iterationIsDigit && byte == UInt8(ascii: "$") && index < name.count && name[index] == UInt8(ascii: "i") {
                index += 1
                lowercaseOnly = false
                continue
            }
            let lowercase = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            guard lowercase || byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") || isDigit(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") else { return (false, false) }
            lowercaseOnly = lowercaseOnly && lowercase
        }
        return (true, lowercaseOnly)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Every reserved word is lowercase letters only (so a name with anything else is not one).
    private static let reservedAreLowercase = reserved.allSatisfy {
        $0.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }
}
