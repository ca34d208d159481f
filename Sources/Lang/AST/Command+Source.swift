import Cluster

/// Writes commands back as source text, so that output can quote what ran and a run can be recorded
/// as a plain script. `word` maps each word's text (the interpreter substitutes `$i` through it).
extension Command {
    public func source(_ word: (Word) -> String = { $0.text }) -> String {
        func w(_ x: Word) -> String { Formatting.word(word(x)) }
        func ws(_ xs: [Word]) -> String { xs.map(w).joined(separator: " ") }
        func assign(_ xs: [Assignment]) -> String {
            xs.map { "\(word($0.field))=\(Formatting.word(word($0.value)))" }.joined(separator: " ")
        }
        func via(_ v: Word?) -> String { v.map { " via \(w($0))" } ?? "" }
        func join(_ parts: String...) -> String { parts.filter { !$0.isEmpty }.joined(separator: " ") }
        func block(_ body: [Command]) -> String {
            "{\n" + body.map { "  " + $0.source(word) + "\n" }.joined() + "}"
        }
        /// An amount's value, or its word as `word` reads it.
        func n<Value>(_ amount: Amount<Value>, _ text: (Value) -> String) -> String {
            switch amount {
            case .value(let value): text(value)
            case .iterated(let x): word(x)
            }
        }
        func d(_ amount: Amount<Micros>) -> String { n(amount, Durations.text) }
        func count(_ amount: Amount<Int>) -> String { n(amount) { "\($0)" } }
        switch kind {
        case .put(let k, let f, let v): return "put \(w(k)) \(assign(f))\(via(v))"
        case .get(let k, let f, let v): return join("get \(w(k))", ws(f)) + via(v)
        case .delete(let k, let f, let v): return join("delete \(w(k))", ws(f)) + via(v)
        case .stream(let n, let k, let f, let initial):
            return "stream \(w(n)) \(w(k)) \(ws(f))" + (initial ? " initial" : "")
        case .at(let t, let body): return "at \(d(t)) \(block(body))"
        case .expect(let e): return "expect " + Self.expectationText(e, word)
        case .repeat(let x, let body): return "repeat \(count(x)) \(block(body))"
        case .declared(let declared): return declared.declaration.behaviour?.source(declared.arguments, word) ?? ""
        }
    }

    static func expectationText(_ e: Expectation, _ word: (Word) -> String) -> String {
        func w(_ x: Word) -> String { Formatting.word(word(x)) }
        func assign(_ xs: [Assignment]) -> String {
            xs.map { " \(word($0.field))=\(Formatting.word(word($0.value)))" }.joined()
        }
        func via(_ v: Word?) -> String { v.map { " via \(w($0))" } ?? "" }
        switch e {
        case .get(let k, let f, let only, let v): return "get \(w(k))\(assign(f))" + (only ? " only" : "") + via(v)
        case .getAbsent(let k, let v): return "get \(w(k)) absent" + via(v)
        case .streamNext(let s, let f): return "stream \(w(s)) next\(assign(f))"
        case .streamLast(let s, let f): return "stream \(w(s)) last\(assign(f))"
        case .streamCount(let s, .value(let n)): return "stream \(w(s)) count \(n)"
        case .streamCount(let s, .iterated(let n)): return "stream \(w(s)) count \(word(n))"
        case .streamEmpty(let s): return "stream \(w(s)) empty"
        case .owners(let k, let nodes): return "owners \(w(k)) " + nodes.map(w).joined(separator: " ")
        case .sees(let a, let b, let up): return "\(w(a)) sees \(w(b)) " + (up ? "up" : "down")
        case .converged: return "converged"
        case .ok(let c): return "ok " + c.source(word)
        case .fail(let c): return "fail " + c.source(word)
        }
    }
}
