import Cluster

/// What a command parsed into, in a type of its declaration's own (`EchoArguments`, …).
/// Equatable across types: parses are compared in tests and `Script ==`.
public protocol CommandArguments: Sendable {
    func isEqual(to other: any CommandArguments) -> Bool
}

extension CommandArguments where Self: Equatable {
    public func isEqual(to other: any CommandArguments) -> Bool { (other as? Self) == self }
}

/// A command: its declaration, whose behaviour runs it, checks its names and writes it back
/// (`CommandDeclaration.behaviour`), and its arguments, of a type of the declaration's own.
public struct DeclaredCommand: Equatable, Sendable {
    public let declaration: CommandDeclaration
    public let arguments: any CommandArguments

    init(_ declaration: CommandDeclaration, _ arguments: any CommandArguments) {
        self.declaration = declaration
        self.arguments = arguments
    }

    public static func == (a: DeclaredCommand, b: DeclaredCommand) -> Bool {
        a.declaration === b.declaration && a.arguments.isEqual(to: b.arguments)
    }
}

/// The arguments of a command that names one node (`restart`, `pause`, `resume`, `isolate`).
struct NodeArguments: CommandArguments, Equatable {
    var node: Word
}

/// The arguments of a command that names one stream (`close`, `disconnect`, `reconnect`).
struct StreamNameArguments: CommandArguments, Equatable {
    var name: Word
}

/// How a declared command runs, checks its names and is written back: each a function of its
/// arguments, which the declaration casts to its own type (`Behaviour.of`).
struct CommandBehaviour: Sendable {
    typealias Run = @Sendable (Interpreter, Command, any CommandArguments) throws(ScriptError) -> Interpreter.Flow
    typealias CheckNames = @Sendable (inout NameChecker, any CommandArguments, Command) throws(ScriptError) -> Void
    typealias Prepare = @Sendable (Interpreter, any CommandArguments) throws(ScriptError) -> Void
    typealias Source = @Sendable (any CommandArguments, (Word) -> String) -> String
    typealias StartInBlock = @Sendable (Interpreter, Command, any CommandArguments) throws(ScriptError) -> Void
    typealias Nested = @Sendable (any CommandArguments) -> [Command]
    typealias CheckSubstituted = @Sendable (Interpreter, any CommandArguments) throws(ScriptError) -> Void
    typealias Outcome = @Sendable (Interpreter, Command, any CommandArguments) throws(ScriptError) -> ClientResult

    let run: Run
    let checkNames: CheckNames
    let source: Source
    /// Reads the command's values when an `at` block holding it is scheduled, so that a bad one
    /// stops the script before any of the block runs.
    let prepare: Prepare
    /// Written to a `--record` script as it runs (false: only what it runs is recorded).
    let recorded: Bool
    /// How it starts in an `at` block, when it does not simply run there (`remove` starts a leave
    /// and lets the block go on).
    let startInBlock: StartInBlock?
    /// The commands it holds (an `include`'s script, a block's body), for questions about a whole script.
    let nested: Nested
    /// Inside a `repeat`, checks that `$i` makes no field of the command the same as another
    /// (`Interpreter.checkSubstituted`).
    let checkSubstituted: CheckSubstituted
    /// Set for a client operation (`put`, `get`, `delete`, `stream`): runs it and returns its
    /// result, a failure included, as `expect ok` and `expect fail` judge it.
    let outcome: Outcome?

    /// The behaviour of a command whose arguments are `Arguments`.
    static func of<Arguments: CommandArguments>(
        _: Arguments.Type, recorded: Bool = true,
        run: @escaping @Sendable (Interpreter, Command, Arguments) throws(ScriptError) -> Interpreter.Flow,
        checkNames: @escaping @Sendable (inout NameChecker, Arguments, Command) throws(ScriptError) -> Void
            = { _, _, _ in },
        source: @escaping @Sendable (Arguments, (Word) -> String) -> String,
        prepare: @escaping @Sendable (Interpreter, Arguments) throws(ScriptError) -> Void = { _, _ in },
        startInBlock: (@Sendable (Interpreter, Command, Arguments) throws(ScriptError) -> Void)? = nil,
        nested: @escaping @Sendable (Arguments) -> [Command] = { _ in [] },
        checkSubstituted: @escaping @Sendable (Interpreter, Arguments) throws(ScriptError) -> Void = { _, _ in },
        outcome: (@Sendable (Interpreter, Command, Arguments) throws(ScriptError) -> ClientResult)? = nil
    ) -> CommandBehaviour {
        var start: StartInBlock?
        if let startInBlock {
            start = { interpreter, command, arguments throws(ScriptError) in
                try startInBlock(interpreter, command, arguments as! Arguments)
            }
        }
        var result: Outcome?
        if let outcome {
            result = { interpreter, command, arguments throws(ScriptError) in
                try outcome(interpreter, command, arguments as! Arguments)
            }
        }
        return CommandBehaviour(
            run: { interpreter, command, arguments throws(ScriptError) in
                try run(interpreter, command, arguments as! Arguments)
            },
            checkNames: { checker, arguments, command throws(ScriptError) in
                try checkNames(&checker, arguments as! Arguments, command)
            },
            source: { arguments, word in source(arguments as! Arguments, word) },
            prepare: { interpreter, arguments throws(ScriptError) in try prepare(interpreter, arguments as! Arguments) },
            recorded: recorded,
            startInBlock: start,
            nested: { arguments in nested(arguments as! Arguments) },
            checkSubstituted: { interpreter, arguments throws(ScriptError) in
                try checkSubstituted(interpreter, arguments as! Arguments)
            },
            outcome: result)
    }
}

/// How an amount is written back: its value as `text` writes it, or its word as `word` reads it.
func sourceText<Value>(_ amount: Amount<Value>, _ word: (Word) -> String, _ text: (Value) -> String) -> String {
    switch amount {
    case .value(let value): text(value)
    case .iterated(let iterated): word(iterated)
    }
}

/// Words written back, blank-separated.
func sourceText(words: [Word], _ word: (Word) -> String) -> String {
    words.map { Formatting.word(word($0)) }.joined(separator: " ")
}

/// `field=value` pairs written back, blank-separated.
func sourceText(_ fields: [Assignment], _ word: (Word) -> String) -> String {
    fields.map { "\(word($0.field))=\(Formatting.word(word($0.value)))" }.joined(separator: " ")
}

/// ` via NODE`, or nothing.
func sourceText(via node: Word?, _ word: (Word) -> String) -> String {
    node.map { " via \(Formatting.word(word($0)))" } ?? ""
}

/// A block written back: `{`, each command on a line of its own, indented, then `}`.
func sourceText(block: [Command], _ word: (Word) -> String) -> String {
    "{\n" + block.map { "  " + $0.source(word) + "\n" }.joined() + "}"
}
