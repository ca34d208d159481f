import Lang
import Testing
@testable import REPL

/// `--junit` as a value: the XML kvrepl writes for given runs, checked well-formed by `XMLCheck`.
@Suite struct JUnitReportTests {
    // MARK: JUnit

    static func record(_ path: String, seed: UInt64, _ outcome: RunOutcome = .finished, failed: Int = 0,
                       failures: [String] = [], errors: [String] = []) -> RunRecord {
        RunRecord(path: path, seed: seed, result: RunResult(passed: 1, failed: failed, outcome: outcome),
                  failures: failures, errors: errors, replay: "kvrepl --seed \(seed) \(path)", seconds: 0.25)
    }

    @Test func junitHasASuitePerFileACasePerSeedAndItsFailuresAndErrors() throws {
        let fail = "FAIL a.kvs:3 expect get k a=\"<x & y>\"\n  expected: a=\"<x & y>\"\n  seen:     a=1"
        let records = [
            Self.record("a.kvs", seed: 1),
            Self.record("a.kvs", seed: 2, failed: 2, failures: [fail, "FAIL a.kvs:4 expect converged\n  expected: converged\n  seen:     no"]),
            Self.record("a.kvs", seed: 3, .scriptError, errors: ["a.kvs:5:1: error: unknown node `n9`\n    kill n9\n         ^~"]),
            Self.record("b \"q\".kvs", seed: 1),
        ]
        let xml = JUnitReport.xml(records, version: "0.1.0", seeds: "1..3")
        let root = try XMLCheck.parse(xml)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "4" && root.attributes["failures"] == "1" && root.attributes["errors"] == "1")
        let suites = root.all("testsuite")
        #expect(suites.map { $0.attributes["name"] } == ["a.kvs", "b \"q\".kvs"])
        #expect(suites[0].attributes["tests"] == "3" && suites[0].attributes["failures"] == "1")
        let properties = suites[0].children.first { $0.name == "properties" }?.all("property") ?? []
        #expect(properties.map { $0.attributes["name"] ?? "" } == ["kvrepl.version", "seeds"])
        #expect(properties.first?.attributes["value"] == "0.1.0")
        let cases = suites[0].all("testcase")
        #expect(cases.map { $0.attributes["name"] } == ["seed 1", "seed 2", "seed 3"])
        #expect(cases.allSatisfy { $0.attributes["classname"] == "a.kvs" && $0.attributes["time"] == "0.250" })
        #expect(cases[0].all("failure").isEmpty && cases[0].all("error").isEmpty)
        #expect(cases[1].all("property").first?.attributes["value"] == "2")
        let failure = try #require(cases[1].all("failure").first)
        #expect(failure.attributes["message"] == "FAIL a.kvs:3 expect get k a=\"<x & y>\"")
        #expect(failure.text.contains("FAIL a.kvs:4 expect converged"))
        #expect(failure.text.hasSuffix("reproduce with kvrepl --seed 2 a.kvs"))
        let error = try #require(cases[2].all("error").first)
        #expect(error.attributes["message"] == "a.kvs:5:1: error: unknown node `n9`")
        #expect(error.text.contains("    kill n9\n"))
        #expect(cases[2].all("failure").isEmpty)
    }

    @Test func xmlTextReplacesWhatXMLCannotHold() throws {
        let record = Self.record("c.kvs", seed: 1, failed: 1, failures: ["FAIL c.kvs:1 put k a=\"\u{01}\u{1B}\""])
        let root = try XMLCheck.parse(JUnitReport.xml([record], version: "0.1.0", seeds: "1"))
        #expect(root.all("failure").first?.attributes["message"] == "FAIL c.kvs:1 put k a=\"\u{FFFD}\u{FFFD}\"")
    }

    @Test func junitSeconds() {
        #expect(JUnitReport.seconds(0) == "0.000")
        #expect(JUnitReport.seconds(1.2345) == "1.235")
        #expect(JUnitReport.seconds(61.05) == "61.050")
    }
}
