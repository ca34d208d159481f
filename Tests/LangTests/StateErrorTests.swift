import Testing
@testable import Lang

/// Every command that cannot apply in the state it meets is a script error at its line (LANGUAGE.md).
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
