/// What "fails the same way" means: the expectation that failed first in the original, named by its
/// kind and what it checks (line numbers move as a script shrinks), and for `check` the kind and
/// key of the first violation it reported.
struct FailureSignature: Equatable, Sendable {
    /// The words that name the expectation: `expect get k1`, `expect stream s1 next`, `check`.
    var subject: [String]
    /// For `check`: the first violation (`lost`, `phantom`, a stream's guarantee, or `not converged`).
    var violation: Violation?

    struct Violation: Equatable, Sendable {
        /// `lost`, `phantom`, `not converged`, or for a stream guarantee a short name of it.
        var kind: String
        /// The key (or for a stream guarantee, the stream) it is about.
        var key: String?
    }

    /// True when one of `failures` (a candidate's) is this one.
    func isMet(by failures: [ObservedFailure]) -> Bool {
        failures.contains { failure in
            failure.subject == subject && (violation.map { failure.violations.contains($0) } ?? true)
        }
    }

    /// The same signature with words renamed (nodes or keys renamed in the script).
    func renamed(_ names: [String: String]) -> FailureSignature {
        var copy = self
        copy.subject = subject.map { names[$0] ?? $0 }
        copy.violation?.key = violation?.key.map { names[$0] ?? $0 }
        return copy
    }

    /// For the script's header: `check reports lost on key k1`, `expect get k1 fails`.
    var description: String {
        guard let violation else { return subject.joined(separator: " ") + " fails" }
        let on = violation.key.map { violation.kind.hasPrefix("stream") ? " on \($0)" : " on key \($0)" } ?? ""
        return subject.joined(separator: " ") + " reports " + violation.kind + on
    }
}

/// One failed expectation in a run's output.
struct ObservedFailure: Equatable, Sendable {
    var subject: [String]
    var violations: [FailureSignature.Violation]
}

/// Reads failed expectations from the `FAIL …` lines a run prints.
enum FailureReading {
    /// The failures in the text of one `.failed` output (`FAIL file:line command` and its
    /// `expected:` / `seen:` lines); nil when it is not one.
    static func failure(_ text: String) -> ObservedFailure? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard let first = lines.first, first.hasPrefix("FAIL "), let command = commandText(first) else { return nil }
        let words = ShrinkText.words(command)
        var violations: [FailureSignature.Violation] = []
        for line in lines.dropFirst() {
            if let violation = violation(line.drop { $0 == " " }) { violations.append(violation) }
        }
        if words.first == "check" && violations.isEmpty && text.contains("not converged within") {
            violations.append(.init(kind: "not converged", key: nil))
        }
        return ObservedFailure(subject: subject(words), violations: violations)
    }

    /// The first signature a run's failures give.
    static func signature(_ failures: [ObservedFailure]) -> FailureSignature? {
        guard let first = failures.first else { return nil }
        return FailureSignature(subject: first.subject, violation: first.violations.first)
    }

    /// `FAIL path:12 (i=2) expect get k f=1` → `expect get k f=1`: after the first `:LINE ` (or
    /// `:LINE (i=…) `) that ends the location.
    private static func commandText(_ line: String) -> String? {
        let chars = Array(line.dropFirst(5))
        var i = 0
        while i < chars.count {
            defer { i += 1 }
            guard chars[i] == ":" else { continue }
            var j = i + 1
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            guard j > i + 1, j < chars.count, chars[j] == " " else { continue }
            var rest = j + 1
            if rest + 3 < chars.count, String(chars[rest..<rest + 3]) == "(i=", let close = chars[rest...].firstIndex(of: ")") {
                rest = close + 2
            }
            return rest <= chars.count ? String(chars[min(rest, chars.count)...]) : nil
        }
        return nil
    }

    /// The words that name an expectation, from its command's words.
    static func subject(_ words: [String]) -> [String] {
        guard let head = words.first else { return words }
        switch head {
        case "check": return ["check"]
        case "wait": return Array(words.prefix(2))
        case "expect":
            guard words.count > 1 else { return words }
            switch words[1] {
            case "get": return Array(words.prefix(3)) + (words.count > 3 && words[3] == "absent" ? ["absent"] : [])
            case "stream": return Array(words.prefix(4))
            case "owners": return Array(words.prefix(3))
            case "converged": return Array(words.prefix(2))
            case "ok", "fail": return Array(words.prefix(4))  // expect ok put K, expect ok stream NAME
            default: return Array(words.prefix(5))  // expect A sees B up|down
            }
        default: return words
        }
    }

    /// One line of `check`'s violations: `lost: key k f1: …`, `phantom: key k on n1: …`, `stream s1: …`.
    private static func violation(_ line: Substring) -> FailureSignature.Violation? {
        for kind in ["lost", "phantom"] where line.hasPrefix(kind + ": key ") {
            return .init(kind: kind, key: ShrinkText.words(String(line.dropFirst(kind.count + 6))).first)
        }
        guard line.hasPrefix("stream "), let colon = line.firstIndex(of: ":") else { return nil }
        let stream = String(line[line.index(line.startIndex, offsetBy: 7)..<colon])
        let kind = line.contains("breaks the sequence") ? "stream sequence broken"
            : line.contains(" back ") ? "stream field went back"
            : line.contains("no view delivered it") ? "stream change not delivered"
            : line.contains("converged to") ? "stream last view not converged" : "stream guarantee broken"
        return .init(kind: kind, key: stream)
    }
}
