extension ScriptLoader {
    /// True when `text` ends inside a `{ … }` block that a later line could still close, so that a
    /// REPL can read more lines before running it (`repeat 3 {` ⏎ `put k$i a=1` ⏎ `}`).
    /// False for complete text and for text with a lexical error or a stray `}` (run it to see the error).
    public static func needsMoreLines(_ text: String) -> Bool {
        let file = SourceFile(path: "<repl>", text: text)
        var tokens: [Token] = []
        var depth = 0
        for number in 1...file.lineCount {
            tokens.removeAll(keepingCapacity: true)
            do {
                try Lexer.lex(number, of: file, into: &tokens)
            } catch {
                return false
            }
            for token in tokens {
                if token.kind == .openBrace { depth += 1 }
                if token.kind == .closeBrace {
                    depth -= 1
                    if depth < 0 { return false }
                }
            }
        }
        return depth > 0
    }
}
