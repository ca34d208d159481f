import Cluster
import Lang
import Testing
@testable import REPL

/// `--report` and `--shiviz`: the report's content checked against the run it shows.
@Suite struct ReportTests {
    /// A run with every kind of fault, operations that succeed, fail and time out, a stream, a
    /// lossy stretch and a `check` that finds a lost write (both copies wiped).
    static let script = """
        add n1 n2 n3 n4
        stream s1 k a
        config loss=10%
        put k a=1
        put other b=2
        pause n2
        advance 2s
        resume n2
        isolate n3
        put k a=2
        heal
        partition n1 n2 | n3 n4
        advance 1s
        heal
        config loss=0% replicas=1 read=1 write=1
        put lost x=1
        kill n1 wipe
        kill n2 wipe
        kill n3
        advance 3s
        restart n3
        restart n1
        restart n2
        remove n4
        get k
        check within 30s
        """

    struct Run {
        var session: Session
        var trace: [String]
        var data: ReportData
    }

    static func run(_ text: String = script, seed: UInt64 = 1) -> Run {
        var options = SessionOptions(seed: seed, trace: true, readFile: { _ in "" })
        options.report = true
        var trace: [String] = []
        let session = Session(options: options) { kind, text in
            if kind == .trace { trace += text.split(separator: "\n").map(String.init) }
        }
        _ = session.run(source: text, path: "report.kvs")
        let end = session.cluster.finishRecording()
        let data = ReportData(script: "report.kvs", seed: seed, endTime: session.cluster.now, passed: session.passed,
                              failed: session.failed, recorder: session.cluster.recorder!, ringAtEnd: end?.ring,
                              keys: end?.keys ?? [])
        return Run(session: session, trace: trace, data: data)
    }

    /// Messages the trace shows: each is sent once (a `send` line) or lost as it is sent.
    static func tracedMessages(_ trace: [String]) -> Int {
        trace.filter { line in
            let words = line.split(separator: " ")
            return words.count > 1 && (words[1] == "send" || (words[1] == "drop" && line.hasSuffix("(lost)")))
        }.count
    }

    /// The numbers in the page's `"m":[…]` array (seven a message).
    static func messageNumbers(_ html: String) -> Int {
        guard let start = html.range(of: "\"m\":[") else { return -1 }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "]") else { return -1 }
        let body = rest[..<end]
        return body.isEmpty ? 0 : body.split(separator: ",").count
    }

    @Test func oneArrowPerTracedMessage() {
        let run = Self.run()
        let traced = Self.tracedMessages(run.trace)
        #expect(traced > 100)
        let (html, arrows) = ReportPage.html(run.data)
        #expect(arrows == traced)
        #expect(Self.messageNumbers(html) == traced * 7)
        let counted = html.contains("data-messages=\"\(traced)\"")
        #expect(counted)
        // Lost messages are there, marked so.
        let lost = run.trace.filter { $0.hasSuffix("(lost)") }.count
        #expect(lost > 0)
        #expect(run.data.recorder.messages.filter { $0.fate == .lost }.count == lost)
    }

    @Test func everyFaultAndOperationAppears() {
        let run = Self.run()
        let recorder = run.data.recorder
        #expect(recorder.faults.map(\.kind) == [
            "add", "config", "pause", "resume", "isolate", "heal", "partition", "heal", "config",
            "wipe", "wipe", "kill", "restart", "restart", "restart", "leave", "remove",
        ])
        let partition = recorder.faults.first { $0.kind == "partition" }!
        #expect(partition.groups.map { $0.map { recorder.hosts[Int($0)] } } == [["n1", "n2"], ["n3", "n4"]])
        // Four puts, the get, and the stream's registrations (a second one, after a partition,
        // renews it) with the read of its starting view.
        let requests = recorder.operations.map(\.request)
        #expect(requests.filter { $0.hasPrefix("put ") }.count == 4)
        #expect(requests.filter { $0.hasPrefix("get ") }.count == 2)
        #expect(requests.contains("register stream on k"))
        #expect(recorder.operations.allSatisfy { $0.end != .inFlight })
        let html = ReportPage.html(run.data).html
        for op in recorder.operations {
            let shown = html.contains("\"ops\":[") && html.contains(MarkupText.json(op.request) + "," + MarkupText.json(op.result))
            #expect(shown, "operation \(op.request) is missing")
        }
        let faults = html.contains("\"faults\":[[\"add\",0,[0,1,2,3],[],\"\"],[\"config\"")
        #expect(faults)
        #expect(recorder.views.map { "\($0.stream) #\($0.sequence) \($0.fields)" } == ["s1 #1 a=2"])
    }

    @Test func checkFindingsNameTheirOperation() {
        let run = Self.run()
        let recorder = run.data.recorder
        #expect(recorder.checks.count == 1)
        let lost = recorder.checks[0].findings.filter { $0.text.hasPrefix("lost:") }
        #expect(!lost.isEmpty)
        for finding in lost {
            #expect(finding.operation >= 0)
            #expect(recorder.operations[Int(finding.operation)].request == "put lost x=1")
        }
        let check = recorder.expectations.last!
        #expect(check.text.hasPrefix("check"))
        #expect(check.check == 0)
        #expect(!check.held)
        // The write's own messages are tied to it (one replica: the coordinator stores it itself).
        let op = lost[0].operation
        #expect(recorder.messages.filter { $0.operation == op }.map(\.kind) == ["request", "reply"])
        // With more replicas, the copies and their acks are tied to the operation too.
        let copies = Self.run("add n1 n2 n3\nput k a=1\n").data.recorder
        #expect(copies.messages.filter { $0.operation == 0 }.map(\.kind).sorted()
                == ["reply", "request", "write", "write", "write-ack", "write-ack"])
    }

    @Test func referencesNothingOutsideItself() {
        let html = ReportPage.html(Self.run().data).html
        for outside in ["http:", "https:", "src=", "<link", "@import", "url(", "@font-face", "//cdn"] {
            #expect(!html.contains(outside), "the report refers outside itself: \(outside)")
        }
    }

    @Test func markupIsBalanced() throws {
        let html = ReportPage.html(Self.run().data).html
        #expect(try TagBalance.check(html) > 100)
        #expect(html.contains("<svg id=\"ring0\""))
        #expect(html.contains("<svg id=\"ring1\""))
    }

    @Test func tagCheckerFindsUnbalancedMarkup() {
        #expect(throws: TagBalance.Failure.self) { try TagBalance.check("<div><span></div></span>") }
        #expect(throws: TagBalance.Failure.self) { try TagBalance.check("<svg><g></svg>") }
        #expect(throws: TagBalance.Failure.self) { try TagBalance.check("<p attr=\"x>") }
        #expect((try? TagBalance.check("<p>a<br><i>b</i><line x=\"1\"/></p>")) == 4)
    }

    @Test func textIsEscaped() {
        #expect(MarkupText.html("<a href=\"x\">&'") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
        #expect(MarkupText.json("</script><!--\"\\\n\u{1}") == "\"\\u003C/script\\u003E\\u003C!--\\\"\\\\\\n\\u0001\"")
        #expect(MarkupText.number(0.5) == "0.5")
        #expect(MarkupText.number(-2.25, digits: 1) == "-2.3" || MarkupText.number(-2.25, digits: 1) == "-2.2")
        #expect(MarkupText.number(3) == "3")
    }

    @Test func aKeyNamedLikeMarkupCannotBreakThePage() throws {
        let run = Self.run("add n1 n2 n3\nput \"</script><b>\" a=\"<i>\"\n")
        let html = ReportPage.html(run.data).html
        let broken = html.contains("</script><b>")
        #expect(!broken)
        #expect(try TagBalance.check(html) > 10)
    }

    @Test func pastTheLimitItSaysWhatItLeftOut() {
        var data = Self.run().data
        let all = data.recorder.messages.count
        let background = data.recorder.messages.filter { $0.kind.hasPrefix("gossip") || $0.kind.hasPrefix("ae-") }.count
        data.limit = all - background + 5
        let (kept, omitted) = data.keptMessages()
        #expect(kept.count == all - background)
        #expect(omitted?.contains("\(background) gossip and anti-entropy messages") == true)
        data.limit = 20
        let (few, said) = data.keptMessages()
        #expect(few.count == 20)
        #expect(said?.contains("other messages sent from") == true)
        let html = ReportPage.html(data).html
        #expect(html.contains("data-messages=\"20\""))
        #expect(html.contains("\"omitted\":\"The run sent \(all) messages"))
        #expect(ReportPage.html(Self.run().data).html.contains("\"omitted\":null"))
    }

    @Test func sameRunSameReport() {
        #expect(ReportPage.html(Self.run().data).html == ReportPage.html(Self.run().data).html)
    }

    /// ShiViz: the regular expression, an empty delimiter, then events whose host's own clock entry
    /// starts at 1 and grows by one per event; a receive knows at least what its send knew.
    @Test func shivizLogHasGrowingVectorClocks() throws {
        let run = Self.run()
        let lines = ShivizLog.text(run.data.recorder).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "(?<host>\\S+) (?<clock>\\{[^}]*\\}) (?<event>.*)")
        #expect(lines[1] == "")
        var own: [String: Int] = [:]
        var events = 0
        for line in lines.dropFirst(2) where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 2)
            let host = String(parts[0])
            let clock = try Self.clock(String(parts[1]))
            let expected = own[host, default: 0] + 1
            #expect(clock[host] == expected, "\(line)")
            own[host] = expected
            events += 1
        }
        let delivered = run.data.recorder.messages.filter { if case .delivered = $0.fate { true } else { false } }.count
        #expect(events == run.data.recorder.messages.count + delivered)
    }

    static func clock(_ text: String) throws -> [String: Int] {
        guard text.hasPrefix("{"), text.hasSuffix("}") else { throw TagBalance.Failure(message: "not a clock: \(text)") }
        var result: [String: Int] = [:]
        for entry in text.dropFirst().dropLast().split(separator: ",") {
            let pair = entry.split(separator: ":")
            guard pair.count == 2, let n = Int(pair[1]) else { throw TagBalance.Failure(message: "bad entry \(entry)") }
            result[String(pair[0].dropFirst().dropLast())] = n
        }
        return result
    }

    @Test func reportFilesAreNamedAfterScriptAndSeed() {
        let target = ReportTarget(path: "out", isDirectory: true, onlyFailures: true)
        #expect(target.file(for: ScriptSource(path: "examples/chaos.kvs", text: ""), seed: 7) == "out/chaos-seed-7.html")
        #expect(target.file(for: ScriptSource(path: "<stdin>", text: "", isStandardInput: true), seed: 2) == "out/stdin-seed-2.html")
        #expect(ReportTarget(path: "one.html", isDirectory: false, onlyFailures: false)
            .file(for: ScriptSource(path: "a.kvs", text: ""), seed: 3) == "one.html")
        #expect(ScriptSweep.reproduceLine(source: ScriptSource(path: "f.kvs", text: ""), seed: 4, report: "out/f-seed-4.html")
                == "seed 4 failed: reproduce with kvrepl --seed 4 f.kvs; report out/f-seed-4.html\n")
    }
}

/// A small well-formedness check of the report's markup: every element closed in order (void
/// elements and `/>` aside), attributes quoted, script and style contents skipped.
enum TagBalance {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static let void: Set<String> = ["meta", "input", "br", "img", "hr", "link", "area", "base", "col", "source", "wbr"]

    /// Returns how many elements it saw.
    @discardableResult
    static func check(_ html: String) throws(Failure) -> Int {
        let s = Array(html.utf8)
        var i = 0, stack: [String] = [], elements = 0
        func find(_ needle: String, from: Int) -> Int? {
            let n = Array(needle.utf8)
            var j = from
            while j + n.count <= s.count {
                if s[j] == n[0] && Array(s[j..<(j + n.count)]) == n { return j }
                j += 1
            }
            return nil
        }
        while i < s.count {
            guard s[i] == UInt8(ascii: "<") else { i += 1; continue }
            if find("<!--", from: i) == i {
                guard let end = find("-->", from: i) else { throw Failure(message: "unclosed comment") }
                i = end + 3; continue
            }
            if i + 1 < s.count && s[i + 1] == UInt8(ascii: "!") {  // doctype
                guard let end = find(">", from: i) else { throw Failure(message: "unclosed doctype") }
                i = end + 1; continue
            }
            var j = i + 1
            let closing = j < s.count && s[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < s.count, s[j] != UInt8(ascii: " "), s[j] != UInt8(ascii: ">"), s[j] != UInt8(ascii: "/"),
                  s[j] != UInt8(ascii: "\n") { j += 1 }
            let name = String(decoding: s[nameStart..<j], as: UTF8.self).lowercased()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw Failure(message: "bad tag name `\(name)` at byte \(i)")
            }
            // Attributes: quoted values may hold `>`.
            var quote: UInt8?
            var selfClosing = false
            while j < s.count {
                let c = s[j]
                if let q = quote { if c == q { quote = nil } } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    selfClosing = s[j - 1] == UInt8(ascii: "/")
                    break
                } else if c == UInt8(ascii: "<") {
                    throw Failure(message: "`<` inside tag \(name) at byte \(j)")
                }
                j += 1
            }
            guard j < s.count else { throw Failure(message: "unclosed tag \(name)") }
            i = j + 1
            if closing {
                guard stack.last == name else { throw Failure(message: "</\(name)> closes <\(stack.last ?? "nothing")>") }
                stack.removeLast()
            } else {
                elements += 1
                if selfClosing || void.contains(name) { continue }
                if name == "script" || name == "style" {
                    guard let end = find("</\(name)>", from: i) else { throw Failure(message: "unclosed \(name)") }
                    i = end + name.count + 3
                    continue
                }
                stack.append(name)
            }
        }
        guard stack.isEmpty else { throw Failure(message: "unclosed: \(stack.joined(separator: " "))") }
        return elements
    }
}
