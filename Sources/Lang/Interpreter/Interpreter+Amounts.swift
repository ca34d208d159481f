import Cluster

/// Numbers, durations, percentages, seeds and setting values whose words hold `$i`: read as the
/// command runs, under the iterations it runs with (docs/language.md: `$i` stands wherever a word
/// stands, numbers and durations included). A bad value is a script error at its word.
extension Interpreter {
    /// The value of `amount`: as the parser read it, or read from its word with `$i` replaced.
    /// `key`: the setting or option it is for, as the error names it.
    func value<Value>(_ amount: Amount<Value>, _ form: ValueForm<Value>,
                      for key: String? = nil) throws(ScriptError) -> Value {
        switch amount {
        case .value(let value):
            return value
        case .iterated(let word):
            let expanded = text(word)
            if let value = form.read(expanded) { return value }
            let display = word.quoted ? quote(expanded) : expanded
            throw ScriptError(Values.badValue(display, expected: form.expected, for: key) + iterationNote,
                              at: word.range)
        }
    }

    /// " (`$i` is 2 here)" inside a `repeat`, for errors about what `$i` made of a word.
    var iterationNote: String { iterations.last.map { " (`$i` is \($0) here)" } ?? "" }

    /// The values of an `at` block's commands, read when it is scheduled (with the iterations it
    /// will run with), so that a bad one is an error at once rather than part way through a run.
    func checkValues(_ body: [Command]) throws(ScriptError) {
        for command in body {
            let declared = command.declared
            try declared.declaration.behaviour.prepare(self, declared.arguments)
        }
    }
}
