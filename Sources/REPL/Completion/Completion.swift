import Lang

/// Tab completion, as a pure function of the line, the cursor and what the session knows, so that it
/// can be tested without a terminal.
///
/// The line up to the cursor is split into words at blanks and at `| { }` (which stand alone); the
/// last, possibly empty, word is the one being completed and the words before it say what fits:
/// `show r` → `ring`; `put Alice ba` → `balance=`; `kill n1 ` → `wipe`; `expect n1 sees ` → nodes.
/// Candidates replace the whole word being completed; they are sorted and distinct. Names follow
/// the state (`restart ` offers killed nodes), except in a block, which runs later or again.
enum Completion {
    static func candidates(line: String, cursor: Int, context: CompletionContext) -> [String] {
        let prefix = String(line.prefix(max(0, cursor)))
        // A quoted string or a comment is free text: nothing to complete.
        guard !prefix.contains("\""), !prefix.contains("#") else { return [] }
        var context = context
        if prefix.contains("{") { context.inBlock = true }
        var words = split(commandOf: prefix)
        let partial = words.removeLast()
        // After `field=` comes a value: anything goes, so nothing is offered.
        guard !partial.contains("=") else { return [] }
        let options = Set(fitting(after: words, context: context))
        return options.filter { $0.hasPrefix(partial) && !$0.isEmpty }.sorted()
    }

    /// The words of the command the cursor is in (after the last `{`, which starts a command), with
    /// the word being completed last (empty after a blank). After a closing `}` the line is
    /// complete: only the empty partial word is left, with a `}` before it that fits nothing.
    static func split(commandOf prefix: String) -> [String] {
        let command = prefix.lastIndex(of: "{").map { prefix[prefix.index(after: $0)...] } ?? Substring(prefix)
        if command.contains("}") { return ["}", ""] }
        var words: [String] = []
        var current = ""
        for character in command {
            if character == " " || character == "\t" {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character == "|" {
                if !current.isEmpty { words.append(current) }
                words.append("|")
                current = ""
            } else {
                current.append(character)
            }
        }
        words.append(current)
        return words
    }

    /// Every word that may come next after `words` (the complete words of a command): what its
    /// command's declaration says.
    static func fitting(after words: [String], context: CompletionContext) -> [String] {
        CommandDeclarations.completions(after: words, context: context)
    }
}
