/// `--junit FILE`: the runs as JUnit XML, in the dialect GitLab, Jenkins' `junit` step and the
/// GitHub Actions reporters read. One `testsuite` per script file, one `testcase` per (file, seed)
/// named `seed N` with the file as its `classname` (GitLab shows the classname as the suite and
/// drops a second case of the same classname and name). A failed expectation is a `failure` whose
/// `message` is the first `FAIL` line and whose text holds every `FAIL` block and the replay
/// command; a script error is an `error` the same way. `time` is wall-clock seconds.
enum JUnitReport {
    static func xml(_ records: [RunRecord], version: String, seeds: String) -> String {
        var order: [String] = []
        var byPath: [String: [RunRecord]] = [:]
        for record in records {
            if byPath[record.path] == nil { order.append(record.path) }
            byPath[record.path, default: []].append(record)
        }
        let all = Counts(records)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"kvrepl\" tests=\"\(all.tests)\" failures=\"\(all.failures)\" errors=\"\(all.errors)\""
            + " time=\"\(seconds(all.time))\">\n"
        for path in order {
            let cases = byPath[path] ?? []
            let counts = Counts(cases)
            xml += "  <testsuite name=\"\(XMLText.attribute(path))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\""
                + " errors=\"\(counts.errors)\" skipped=\"0\" time=\"\(seconds(counts.time))\">\n"
            xml += "    <properties>\n"
            xml += "      <property name=\"kvrepl.version\" value=\"\(XMLText.attribute(version))\"/>\n"
            xml += "      <property name=\"seeds\" value=\"\(XMLText.attribute(seeds))\"/>\n"
            xml += "    </properties>\n"
            for record in cases { xml += testcase(record) }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func testcase(_ record: RunRecord) -> String {
        let path = XMLText.attribute(record.path)
        var xml = "    <testcase classname=\"\(path)\" name=\"seed \(record.seed)\" file=\"\(path)\""
            + " time=\"\(seconds(record.seconds))\">\n"
        xml += "      <properties>\n"
        xml += "        <property name=\"seed\" value=\"\(record.seed)\"/>\n"
        xml += "      </properties>\n"
        let replay = "reproduce with " + record.replay
        if record.result.hadScriptError {
            let message = record.errors.first.map(firstLine) ?? "script error"
            let text = (record.failures + record.errors + [replay]).joined(separator: "\n")
            xml += "      <error message=\"\(XMLText.attribute(message))\" type=\"script error\">"
                + XMLText.content(text) + "</error>\n"
        } else if record.result.failed > 0 {
            let message = record.failures.first.map(firstLine) ?? "\(record.result.failed) failed"
            let text = (record.failures + [replay]).joined(separator: "\n")
            xml += "      <failure message=\"\(XMLText.attribute(message))\" type=\"expectation\">"
                + XMLText.content(text) + "</failure>\n"
        }
        return xml + "    </testcase>\n"
    }

    private static func firstLine(_ text: String) -> String { String(text.prefix { $0 != "\n" }) }

    /// Seconds with millisecond precision, `0.125`.
    static func seconds(_ value: Double) -> String {
        let millis = Int((max(0, value) * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    private struct Counts {
        var tests = 0, failures = 0, errors = 0
        var time = 0.0
        init(_ records: [RunRecord]) {
            for record in records {
                tests += 1
                time += record.seconds
                if record.result.hadScriptError { errors += 1 } else if record.result.failed > 0 { failures += 1 }
            }
        }
    }
}
