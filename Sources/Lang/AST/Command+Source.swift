/// Writes commands back as source text, so that output can quote what ran and a run can be recorded
/// as a plain script. `word` maps each word's text (the interpreter substitutes `$i` through it).
/// Each command is written back by its declaration (`CommandBehaviour.source`).
extension Command {
    public func source(_ word: (Word) -> String = { $0.text }) -> String {
        declared.declaration.behaviour.source(declared.arguments, word)
    }
}
