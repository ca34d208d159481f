import Testing
@testable import Lang

/// Every command that cannot apply in the state it meets is a script error at its line (docs/language.md).
@Suite struct StateErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var script: String
        /// `line:column` of the error.
        var at: String
        /// A word the message must hold.
        var says: String
        var testDescription: String { script.replacingAll("\n", with: " | ") }
    }

    static let cases: [Case] = [
        Case(script: "add n1 n2\nadd n2\n", at: "2:5", says: "n2"),
        Case(script: "add n1 n2\nkill n1\nkill n1\n", at: "3:6", says: "n1"),
        Case(script: "add n1 n2\nrestart n1\n", at: "2:9", says: "n1"),
        Case(script: "add n1 n2\npause n1\npause n1\n", at: "3:7", says: "n1"),
        Case(script: "add n1 n2\nkill n1\npause n1\n", at: "3:7", says: "n1"),
        Case(script: "add n1 n2\nresume n1\n", at: "2:8", says: "n1"),
        Case(script: "add n1\nremove n1\n", at: "2:8", says: "n1"),
        Case(script: "add n1 n2\nkill n2\nremove n1\n", at: "3:8", says: "n1"),
        Case(script: "put k a=1\n", at: "1:1", says: "no node"),
        Case(script: "add n1 n2 n3\nstream s k a\nstream s k b\n", at: "3:8", says: "s"),
        Case(script: "add n1 n2 n3\nremove n3\nkill n3\n", at: "3:6", says: "n3"),
        Case(script: "add n1 n2 n3\nrepeat 2 { kill n$i }\nrepeat 3 { restart n$i }\n", at: "3:20", says: "n3"),
        Case(script: "add n1 n2 n3\nadvance 5s\nat 2s { heal }\n", at: "3:1", says: "passed"),
    ]

    @Test(arguments: cases)
    func isAScriptErrorAtItsWord(_ c: Case) {
        let run = runScript(c.script)
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:\(c.at): error:"), "\(run.errors)")
        #expect(run.errors.contains(c.says), "\(run.errors)")
    }

    /// A field that `$i` makes the same as another of its command (`a$i=1 a1=2` at i=1) is a script
    /// error at its second use when the iteration runs, and nothing of the command runs.
    @Test(arguments: [
        ("repeat 2 { put k a$i=1 a1=2 }", "2:24", "a1"),
        ("repeat 2 { put k a1=2 a$i=1 }", "2:23", "a1"),
        ("repeat 2 { get k a$i a1 }", "2:22", "a1"),
        ("repeat 2 { delete k a$i a1 }", "2:25", "a1"),
        ("repeat 1 { stream s$i k f$i f1 }", "2:29", "f1"),
        ("repeat 2 { expect get k a$i=1 a1=1 }", "2:31", "a1"),
        ("stream s k a\nrepeat 2 { expect stream s next a$i=1 a1=1 }", "3:39", "a1"),
        ("repeat 2 { expect ok put k a$i=1 a1=2 }", "2:34", "a1"),
        ("repeat 2 { expect fail get k a$i a1 }", "2:34", "a1"),
        ("repeat 2 {\n  at 1s {\n    put k a$i=1 a1=2\n  }\n}\nadvance 2s", "4:17", "a1"),
    ])
    func fieldRepeatedBySubstitutionIsAScriptError(script: String, at: String, field: String) {
        let run = runScript("add n1 n2 n3\n" + script + "\necho never\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:\(at): error: field `\(field)` is named twice"), "\(run.errors)")
        #expect(!run.output.contains("put k") && !run.output.contains("get k") && !run.output.contains("delete k"),
                "\(run.output)")
        #expect(!run.output.contains("stream s1") && !run.output.contains("never"), "\(run.output)")
        #expect(run.passed == 0 && run.failed == 0)
    }

    /// A `stream` whose registration fails is a script error (unless written `expect fail stream …`).
    @Test func streamWhoseRegistrationFailsIsAScriptError() {
        let run = runScript("add n1 n2 n3\nkill n1\nkill n2\nstream s k a\necho never\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:4:1: error: stream registration failed: timed out after 1s\n"),
                "\(run.errors)")
        #expect(!run.output.contains("never"))
    }

    @Test func atBlockErrorIsReportedAtItsLineInTheBlock() {
        let run = runScript("add n1 n2 n3\nkill n2\nat 1s {\n  heal\n  kill n2\n}\nadvance 2s\necho never\n")
        #expect(run.outcome == .scriptError)
        #expect(run.errors.hasPrefix("main.kvs:5:8: error:"), "\(run.errors)")
        #expect(!run.output.contains("never"))
    }
}
