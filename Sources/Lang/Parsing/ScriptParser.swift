/// Parses a whole file: lines into commands, and `{ … }` blocks into `repeat` and `at` bodies.
///
/// Blocks are parsed iteratively with an explicit stack (deep nesting cannot overflow the call
/// stack) and capped at `maxDepth` levels, counting the includes around this file, because the
/// name checker and interpreter walk blocks recursively.
struct ScriptParser {
    static let maxDepth = 100

    let file: SourceFile
    /// Block and include levels around this file.
    let baseDepth: Int
    /// Parses and resolves an `include`: the path word, and the depth the included file starts at.
    let resolveInclude: (Word, Int) throws(ScriptError) -> Script

    /// A block being parsed.
    private struct Frame {
        var header: BlockHeader
        /// Its entry in the table: the entries after it are its body, until its `}`.
        var entry: Int
        /// The line of its `{`.
        var line: Int
        /// Something follows the `{` on its own line: then the `}` must end that same line.
        var inline = false
        var bindsIteration: Bool { header.bindsIteration }
    }

    /// The file's commands. `file` must be made with `linesFoundByParser`: its lines are noted here
    /// as they are read, and the rest of them if this throws.
    func parse() throws(ScriptError) -> CommandTable {
        defer { file.completeLines() }
        if file.isTooLarge {
            throw ScriptError("a script may hold at most \(SourceFile.maxBytes) bytes (4 GiB): split it with `include`",
                              at: file.range(from: 0, to: 0, line: 1))
        }
        assert(file.lineCount == 0, "ScriptParser reads a file made with linesFoundByParser")
        var table = CommandTable(forScriptOf: file.bytes.count)
        var stack: [Frame] = []
        var tokens = LineTokens()
        var repeats = 0
        var parser = CommandParser(file: file, resolveInclude: resolveInclude)
        var number = 0
        while file.nextLineStart != nil {
            number += 1
            file.noteNextLine()
            try Lexer.lex(number, of: file, into: &tokens)
            // A line without tokens opens, closes and checks nothing.
            if tokens.count == 0 { continue }
            try tokens.withTokens { tokens throws(ScriptError) in
                try parseLine(number, tokens, into: &table, stack: &stack, repeats: &repeats, parser: &parser)
            }
        }
        if let open = stack.first {
            throw ScriptError("unclosed `{`: this block has no `}`", at: file.range(open.header.brace))
        }
        return table
    }

    /// The commands and braces of line `number`, whose tokens are `tokens`.
    private func parseLine(_ number: Int, _ tokens: UnsafeBufferPointer<Token>, into table: inout CommandTable,
                           stack: inout [Frame], repeats: inout Int, parser: inout CommandParser) throws(ScriptError) {
        var index = 0
        /// A command (or a block's `}`) ended on this line: nothing but `}` may follow.
        var lineDone = false
        while index < tokens.count {
            let token = tokens[index]
            if token.kind == .closeBrace {
                guard let frame = stack.popLast() else {
                    throw ScriptError("`}` closes no block: there is no open `{` before it", at: file.range(token))
                }
                if frame.line != number && index > 0 && tokens[index - 1].kind != .closeBrace {
                    throw ScriptError("`}` of a block that spans lines must be on its own line",
                                      at: file.range(token))
                }
                if frame.bindsIteration { repeats -= 1 }
                table.close(frame.entry)
                index += 1
                lineDone = true
                continue
            }
            if token.kind == .openBrace {
                throw ScriptError("`{` opens a block only after `repeat N` or `at TIME`", at: file.range(token))
            }
            if lineDone {
                throw ScriptError("one command per line: start `\(file.display(token))` on a new line",
                                  at: file.range(token))
            }
            var end = index
            while end < tokens.count && tokens[end].kind != .openBrace && tokens[end].kind != .closeBrace {
                end += 1
            }
            let words = tokens[index..<end]
            if repeats == 0, let loose = words.first(where: { $0.holdsIteration }) {
                throw ScriptError("`$i` is only defined inside a `repeat` block", at: file.range(loose))
            }
            if let top = stack.last, top.header.restricted, let first = words.first,
               !(first.isBare && CommandDeclarations.index(file.source, first.word)
                .map({ CommandDeclarations.all[$0].runsInAtBlock }) == true) {
                let block = CommandDeclarations.all[top.header.command]
                throw ScriptError("`\(file.display(first))` cannot run in an `\(block.word)` block: "
                                  + (block.blockRestriction ?? ""), at: file.range(first))
            }
            if !stack.isEmpty && stack[stack.count - 1].line == number { stack[stack.count - 1].inline = true }
            parser.includeDepth = baseDepth + stack.count + 1
            if end < tokens.count && tokens[end].kind == .openBrace {
                let header = try parser.header(words, brace: tokens[end])
                if baseDepth + stack.count + 1 > Self.maxDepth {
                    throw ScriptError("blocks and includes nest more than \(Self.maxDepth) levels deep",
                                      at: file.range(tokens[end]))
                }
                let firstWord = table.nextWord
                let (value, iterated) = parser.stored(header.value, into: &table) { $0 }
                let entry = table.append(command: header.command, names: .body, at: header.word, wordsFrom: firstWord,
                                         flags: iterated ? .iterated : [], value: value)
                if stack.isEmpty { table.addRoot(entry) }
                let frame = Frame(header: header, entry: entry, line: number)
                if frame.bindsIteration { repeats += 1 }
                stack.append(frame)
                index = end + 1
            } else {
                let entry = try parser.parse(words, into: &table)
                if stack.isEmpty { table.addRoot(entry) }
                index = end
                lineDone = true
            }
        }
        if !stack.isEmpty, let open = stack.first(where: { $0.line == number && $0.inline }) {
            throw ScriptError("a block with a command on its `{` line must end with `}` on that line",
                              at: file.range(open.header.brace))
        }
    }
}
