import Testing
@testable import Lang

@Suite struct InterruptTests {
    /// A run stopped by its interrupt ends as `.interrupted` (not a script error), says where it
    /// stopped, keeps what was counted before, and does not report its pending `at` blocks.
    @Test func anInterruptedRunSaysWhereItStoppedAndNothingMore() {
        var out = "", errors = ""
        let session = Session(options: SessionOptions { _ in "" }) { kind, text in
            if kind == .error { errors += text } else { out += text }
        }
        var polls = 0
        session.interruptRequested = {
            polls += 1
            return polls > 5  // before each of the five commands, then in the advance: stopped part way
        }
        let script = "add n1 n2 n3\nput k a=1\nexpect get k a=1\nat 90000s {\n  heal\n}\nadvance 100000s\necho after\n"
        #expect(session.run(source: script, path: "main.kvs") == .interrupted)
        #expect(session.passed == 1 && session.failed == 0)
        #expect(errors.hasPrefix("main.kvs:7:1: error: interrupted at "))
        #expect(!out.contains("after") && !out.contains("heal") && !out.contains("not run"))
    }

    @Test func aRunNeverInterruptedFinishes() {
        let session = Session(options: SessionOptions { _ in "" }) { _, _ in }
        session.interruptRequested = { false }
        #expect(session.run(source: "add n1\nadvance 10s\n", path: "main.kvs") == .finished)
    }
}
