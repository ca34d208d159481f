import Testing
@testable import Lang

/// Every kind of syntax error: its message, its line:column and its suggestion.
@Suite struct ParseErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var source: String
        var message: String
        var line: Int
        var column: Int
        var suggestion: String?
        init(_ source: String, _ message: String, _ line: Int, _ column: Int, _ suggestion: String? = nil) {
            (self.source, self.message, self.line, self.column, self.suggestion) = (source, message, line, column, suggestion)
        }
        var testDescription: String { source.debugDescription }
    }

    static let lexical: [Case] = [
        Case("put k a=\"x", "unclosed quote: a quoted string must end with `\"` on the same line", 1, 9),
        Case("put k a=\"x\\qy\"", "unknown escape `\\q`: quoted strings allow \\\" \\\\ \\n and \\t "
             + "(write \\\\ for a backslash)", 1, 11),
        Case("put k a=1;", "`;` cannot appear outside quotes: bare words hold letters, digits and "
             + ". _ - : / @ + $ * %; put the word in double quotes (\"…\") or remove it", 1, 10),
        Case("add é", "`é` cannot appear outside quotes: bare words hold ASCII letters, digits and "
             + ". _ - : / @ + $ * %; put the word in double quotes (\"…\")", 1, 5),
        Case("put k a=\"é\" ü", "`ü` cannot appear outside quotes: bare words hold ASCII letters, digits and "
             + ". _ - : / @ + $ * %; put the word in double quotes (\"…\")", 1, 13),
        Case("add n1\u{7}", "control character U+0007 cannot appear in a script: remove it", 1, 7),
        Case("add n1\rn2", "control character U+000D cannot appear in a script: remove it", 1, 7),
        Case("put k a='x'", "strings are quoted with double quotes (\"…\"), not `'`", 1, 9),
        Case("put k =1", "`=` needs a field name before it, with no blanks: field=value", 1, 7),
        Case("put k a= b", "`a=` has no value: write a value with no blank after `=`, or a=\"\" for an empty one", 1, 7),
        Case("put k a=", "`a=` has no value: write a value with no blank after `=`, or a=\"\" for an empty one", 1, 7),
        Case("put k a==b", "a value cannot start with `=`: quote it (a=\"=…\")", 1, 9),
        Case("put k a=1=2", "a value cannot hold `=`: quote it (\"…=…\")", 1, 10),
        Case("put k \"a\"=b", "`=` must follow a bare field name: field=value, with no quotes around the field", 1, 10),
        Case("echo abc\"d\"", "a quote cannot start right after a word: put a blank before it", 1, 9),
        Case("echo \"a\"b", "a word cannot start right after a quoted string: put a blank before it", 1, 9),
        Case("echo ok\nput k a=\"Zoë\" b=\"x", "unclosed quote: a quoted string must end with `\"` on the same line", 2, 17),
    ]

    static let commands: [Case] = [
        Case("expcet converged", "unknown command `expcet`", 1, 1, "expect"),
        Case("Put k a=1", "unknown command `Put`", 1, 1, "put"),
        Case("frobnicate", "unknown command `frobnicate`", 1, 1),
        Case("\"put\" k a=1", "unknown command `\"put\"`", 1, 1, "put"),
        Case("a=1", "a line starts with a command, not field=value", 1, 1),
        Case("| n1", "`|` only separates the groups of a partition", 1, 1),
        Case("kill", "`kill` needs a node name: kill NODE [wipe]", 1, 1),
        Case("kill n1 wipe x", "too many words for `kill`: kill NODE [wipe]", 1, 14),
        Case("kill n1 wip", "unknown word `wip`: expected `wipe`: kill NODE [wipe]", 1, 9, "wipe"),
        Case("kill n1=2", "expected a node name, not `n1=2`: kill NODE [wipe]", 1, 6),
        Case("add", "`add` needs at least one node name: add NODE…", 1, 1),
        Case("add n1 n2 n1", "`n1` is named twice: `add` starts each node once", 1, 11),
        Case("add n1 \"n1\"", "`n1` is named twice: `add` starts each node once", 1, 8),
        Case("add n1 ring", "`ring` is a reserved word and cannot name a node", 1, 8),
        Case("add put", "`put` is a reserved word and cannot name a node", 1, 5),
        Case("add 1n", "`1n` is not a valid node name: a name starts with a letter or `_` and holds only "
             + "letters, digits, `_` and `-`", 1, 5),
        Case("remove n.1", "`n.1` is not a valid node name: a name starts with a letter or `_` and holds only "
             + "letters, digits, `_` and `-`", 1, 8),
        Case("stream key k f", "`key` is a reserved word and cannot name a stream", 1, 8),
        Case("stream ops k f", "`ops` is a reserved word and cannot name a stream", 1, 8),
        Case("add n1\nstream replicas k f", "`replicas` is a reserved word and cannot name a stream", 2, 8),
        Case("seed", "`seed` needs a seed number: seed N", 1, 1),
        Case("seed -1", "bad value `-1`: expected a seed, a whole number from 0 to 18446744073709551615", 1, 6),
        Case("seed 18446744073709551616",
             "bad value `18446744073709551616`: expected a seed, a whole number from 0 to 18446744073709551615", 1, 6),
        Case("seed 1 2", "too many words for `seed`: seed N", 1, 8),
        Case("config replica=3", "unknown setting `replica`: the settings are replicas, read, write, vnodes, "
             + "gossip, fanout, suspect, rehash, antientropy, renew, timeout, latency, loss", 1, 8, "replicas"),
        Case("config replicas=x", "bad value `x` for `replicas`: expected a count, a whole number from 0 to 1000000000", 1, 17),
        Case("config gossip=1", "bad value `1` for `gossip`: expected " + Values.durationForm, 1, 15),
        Case("config loss=101%", "bad value `101%` for `loss`: expected " + Values.percentForm, 1, 13),
        Case("config loss=0.00001%", "bad value `0.00001%` for `loss`: expected " + Values.percentForm, 1, 13),
        Case("config latency=10ms..1ms", "bad value `10ms..1ms` for `latency`: expected a duration (a fixed delay) "
             + "or a range A..B of durations with A ≤ B, such as 1ms..10ms", 1, 16),
        Case("config latency=1ms..", "bad value `1ms..` for `latency`: expected a duration (a fixed delay) "
             + "or a range A..B of durations with A ≤ B, such as 1ms..10ms", 1, 16),
        Case("config replicas=0 read=1 replicas=3",
             "setting `replicas` is named twice: a config line sets each setting once", 1, 26),
        Case("config replicas", "expected KEY=VALUE, not `replicas`: config [KEY=VALUE…]", 1, 8),
        Case("partition", "`partition` needs groups of nodes: partition A… | B… [| C…]", 1, 1),
        Case("partition n1 n2", "`partition` needs at least two groups separated by `|`: partition A… | B… [| C…]", 1, 1),
        Case("partition | n1", "empty group before this `|`: every group of a partition needs a node: "
             + "partition A… | B… [| C…]", 1, 11),
        Case("partition n1 | | n2", "empty group between this `|` and the one before it: every group of a "
             + "partition needs a node: partition A… | B… [| C…]", 1, 16),
        Case("partition n1 | n2 |", "empty group after this `|`: every group of a partition needs a node: "
             + "partition A… | B… [| C…]", 1, 19),
        Case("partition n1 | n2 n1", "`n1` is named twice: the groups of a partition must be disjoint", 1, 19),
        Case("heal now", "too many words for `heal`: heal", 1, 6),
        Case("quit now", "too many words for `quit`: quit", 1, 6),
        Case("put", "`put` needs a key: put KEY field=value… [via NODE]", 1, 1),
        Case("put k", "`put` needs at least one field=value: put KEY field=value… [via NODE]", 1, 1),
        Case("put k a", "expected field=value, not `a` (no blanks around `=`): put KEY field=value… [via NODE]", 1, 7),
        Case("put k a=1 via", "`via` needs a node name after it: put KEY field=value… [via NODE]", 1, 11),
        Case("put k via n1 a=1", "`via NODE` is an option only as the last words of a line: "
             + "put KEY field=value… [via NODE]", 1, 7),
        Case("put k a=1 via ring", "`ring` is a reserved word and cannot name a node", 1, 15),
        // A field takes one value per command: `put k a=1 a=2` is ambiguous, so an error at the second `a`.
        Case("put k a=1 b=2 a=3", "field `a` is named twice: a command sets or expects each field once", 1, 15),
        Case("put k a=1 a=1 via n1", "field `a` is named twice: a command sets or expects each field once", 1, 11),
        Case("repeat 2 { put k$i a=$i a=x }", "field `a` is named twice: a command sets or expects each field once",
             1, 25),
        Case("expect get k a=1 a=2", "field `a` is named twice: a command sets or expects each field once", 1, 18),
        Case("expect get k a=1 a=2 only", "field `a` is named twice: a command sets or expects each field once",
             1, 18),
        Case("expect ok put k a=1 a=2", "field `a` is named twice: a command sets or expects each field once", 1, 21),
        Case("expect stream s next a=1 a=2", "field `a` is named twice: a command sets or expects each field once",
             1, 26),
        Case("expect stream s last b=1 a=1 b=1",
             "field `b` is named twice: a command sets or expects each field once", 1, 30),
        // A field list names each field once: `stream s k a a` would select `a` twice.
        Case("stream s k a a", "field `a` is named twice: a field list names each field once", 1, 14),
        Case("stream s k a b a initial", "field `a` is named twice: a field list names each field once", 1, 16),
        Case("get k a a", "field `a` is named twice: a field list names each field once", 1, 9),
        Case("get k a b a via n1", "field `a` is named twice: a field list names each field once", 1, 11),
        Case("delete k a a", "field `a` is named twice: a field list names each field once", 1, 12),
        Case("repeat 2 { delete k$i b a$i b }", "field `b` is named twice: a field list names each field once",
             1, 29),
        Case("expect ok get k a a", "field `a` is named twice: a field list names each field once", 1, 19),
        Case("expect fail stream s k a a", "field `a` is named twice: a field list names each field once", 1, 26),
        Case("get k a=1", "`get` takes field names, not field=value: get KEY [FIELD…] [via NODE]", 1, 7),
        Case("delete k \"a\"", "a field name is a bare word: write it without quotes", 1, 10),
        Case("get k | a", "`|` only separates the groups of a partition: get KEY [FIELD…] [via NODE]", 1, 7),
        Case("get", "`get` needs a key: get KEY [FIELD…] [via NODE]", 1, 1),
        Case("stream s k", "`stream` needs at least one field name: stream NAME KEY FIELD… [initial] [retry DURATION]", 1, 1),
        Case("close", "`close` needs a stream name: close NAME", 1, 1),
        Case("reconnect s t", "too many words for `reconnect`: reconnect NAME", 1, 13),
        Case("advance", "`advance` needs a duration: advance DURATION", 1, 1),
        Case("advance a=1", "expected a duration, not `a=1`: advance DURATION", 1, 9),
        Case("advance |", "expected a duration, not `|`: advance DURATION", 1, 9),
        Case("at 1s | { heal }", "`|` only separates the groups of a partition: at TIME { … }", 1, 7),
        Case("at 1s 2s { heal }", "too many words for `at`: at TIME { … }", 1, 7),
        Case("put k a=;", "`;` cannot appear outside quotes: bare words hold letters, digits and "
             + ". _ - : / @ + $ * %; put the word in double quotes (\"…\") or remove it", 1, 9),
        Case("advance 5", "bad value `5`: expected " + Values.durationForm, 1, 9),
        Case("advance 1001h", "bad value `1001h`: expected " + Values.durationForm, 1, 9),
        Case("advance 99999999999999999999h", "bad value `99999999999999999999h`: expected " + Values.durationForm, 1, 9),
        Case("advance 0.0000001s", "bad value `0.0000001s`: expected " + Values.durationForm, 1, 9),
        Case("advance 1.0005ms", "bad value `1.0005ms`: expected " + Values.durationForm, 1, 9),
        Case("advance -1s", "bad value `-1s`: expected " + Values.durationForm, 1, 9),
        Case("advance 5us", "bad value `5us`: expected " + Values.durationForm, 1, 9),
        Case("wait", "`wait` needs `converged`: wait converged [within DURATION]", 1, 1),
        Case("wait convrged", "unknown word `convrged`: expected `converged`: wait converged [within DURATION]",
             1, 6, "converged"),
        Case("wait converged in 5s", "unknown word `in`: expected `within`: wait converged [within DURATION]", 1, 16),
        Case("wait converged within", "`wait` needs a duration after `within`: wait converged [within DURATION]", 1, 1),
        Case("check within 5s more", "too many words for `check`: check [within DURATION]", 1, 17),
        Case("at 5s", "`at` needs a block: at TIME { … }", 1, 1),
        Case("at soon { heal }", "bad value `soon`: expected " + Values.durationForm, 1, 4),
        Case("repeat 3", "`repeat` needs a block: repeat N { … }", 1, 1),
        Case("repeat 1000000001 { heal }", "bad value `1000000001`: expected a count, a whole number from 0 to "
             + "1000000000", 1, 8),
        Case("repeat { heal }", "`repeat` needs a count: repeat N { … }", 1, 1),
        Case("expect", "`expect` needs what to expect: " + Usage.of("expect")!, 1, 1),
        Case("expect convergd", "unknown expectation `convergd`: " + Usage.of("expect")!, 1, 8, "converged"),
        Case("expect stream s nxt", "unknown word `nxt`: expected `next`, `last`, `count` or `empty`: "
             + Usage.of("expect stream")!, 1, 17, "next"),
        Case("expect stream s count", "`expect stream` needs a count: " + Usage.of("expect stream")!, 1, 8),
        Case("expect stream s count x", "bad value `x`: expected " + Values.countForm, 1, 23),
        Case("expect stream s empty now", "too many words for `expect stream`: " + Usage.of("expect stream")!, 1, 23),
        Case("expect stream s next a", "expected field=value, not `a` (no blanks around `=`): "
             + Usage.of("expect stream")!, 1, 22),
        Case("expect get k", "`expect get` needs field=value pairs or `absent`: " + Usage.of("expect get")!, 1, 8),
        Case("expect get k absent only", "`only` does not go with `absent`: " + Usage.of("expect get")!, 1, 21),
        Case("expect get k a=1 absent", "`absent` stands alone after the key: expect get KEY absent [via NODE]", 1, 18),
        Case("expect get k only a=1", "`only` is an option only as the last word of a line: "
             + Usage.of("expect get")!, 1, 14),
        Case("expect owners k", "`expect owners` needs at least one node name: expect owners KEY NODE…", 1, 8),
        Case("expect n1 sees n2 sideways", "unknown word `sideways`: expected `up` or `down`: "
             + "expect NODE sees OTHER up|down", 1, 19),
        Case("expect n1 see n2 up", "unknown word `see`: expected `sees`: expect NODE sees OTHER up|down", 1, 11, "sees"),
        Case("expect ring sees n2 up", "`ring` is a reserved word and cannot name a node", 1, 8),
        Case("expect ok show ring", "`expect ok` takes a put, get, delete or stream command, not `show`: "
             + "expect ok put|get|delete|stream …", 1, 11),
        Case("expect fail gt k", "`expect fail` takes a put, get, delete or stream command, not `gt`: "
             + "expect fail put|get|delete|stream …", 1, 13, "get"),
        Case("expect ok", "`expect ok` needs a put, get, delete or stream command: expect ok put|get|delete|stream …", 1, 8),
        Case("expect ok put k", "`put` needs at least one field=value: put KEY field=value… [via NODE]", 1, 11),
        Case("expect converged now", "too many words for `expect converged`: expect converged", 1, 18),
        Case("chaos", "`chaos` needs a duration: " + Usage.of("chaos")!, 1, 1),
        Case("chaos 10s keys=0", "bad value `0` for `keys`: expected a count from 1 to 1000000000 (keys ≥ 1)", 1, 16),
        Case("chaos 10s ops=-1", "bad value `-1` for `ops`: expected " + Values.countForm, 1, 15),
        Case("chaos 10s op=5", "unknown chaos option `op`: expected ops=N, keys=K or streams=S", 1, 11, "ops"),
        Case("chaos 10s 5", "expected ops=N, keys=K or streams=S, not `5`: " + Usage.of("chaos")!, 1, 11),
        Case("show", "`show` needs what to show: " + Usage.of("show")!, 1, 1),
        Case("show rnig", "unknown word `rnig`: expected `ring`, `nodes`, `key`, `streams`, `stats` or "
             + "`convergence`: " + Usage.of("show")!, 1, 6, "ring"),
        Case("show key", "`show` needs a key: " + Usage.of("show")!, 1, 1),
        Case("show ring nodes", "unknown word `nodes`: expected `tokens`: " + Usage.of("show")!, 1, 11),
        Case("show ring tokens all", "too many words for `show`: " + Usage.of("show")!, 1, 18),
        Case("show nodes ring", "too many words for `show`: " + Usage.of("show")!, 1, 12),
        Case("trace maybe", "unknown word `maybe`: expected `on` or `off`: trace on|off", 1, 7),
        Case("trace of", "unknown word `of`: expected `on` or `off`: trace on|off", 1, 7, "on"),
        Case("include", "`include` needs a file: include FILE", 1, 1),
        Case("include a.kvs b.kvs", "too many words for `include`: include FILE", 1, 15),
        Case("help put get", "too many words for `help`: help [COMMAND]", 1, 10),
    ]

    static let blocks: [Case] = [
        Case("put k a=1 {", "`{` opens a block only after `repeat N` or `at TIME`, not after `put`", 1, 11),
        Case("{", "`{` opens a block only after `repeat N` or `at TIME`", 1, 1),
        Case("repeat 2 { { heal } }", "`{` opens a block only after `repeat N` or `at TIME`", 1, 12),
        Case("}", "`}` closes no block: there is no open `{` before it", 1, 1),
        Case("repeat 2 { heal } }", "`}` closes no block: there is no open `{` before it", 1, 19),
        Case("repeat 2 {\nput k a=1", "unclosed `{`: this block has no `}`", 1, 10),
        Case("repeat 2 {\n  repeat 3 {\n    heal\n  }\n", "unclosed `{`: this block has no `}`", 1, 10),
        Case("repeat 2 { put k a=1", "a block with a command on its `{` line must end with `}` on that line", 1, 10),
        Case("repeat 2 { repeat 3 {\nheal\n}\n}", "a block with a command on its `{` line must end with `}` "
             + "on that line", 1, 10),
        Case("repeat 2 {\nput k a=1 }", "`}` of a block that spans lines must be on its own line", 2, 11),
        Case("repeat 2 { put a x=1 } put b x=1", "one command per line: start `put` on a new line", 1, 24),
        Case("repeat 2 {\n} heal", "one command per line: start `heal` on a new line", 2, 3),
        Case("at 5s {\n  echo hi\n}", "`echo` cannot run in an `at` block: it holds put, get, delete, add, remove, "
             + "kill, restart, pause, resume, partition, isolate, heal and config", 2, 3),
        Case("at 5s { at 6s { heal } }", "`at` cannot run in an `at` block: it holds put, get, delete, add, remove, "
             + "kill, restart, pause, resume, partition, isolate, heal and config", 1, 9),
        Case("at 5s { repeat 2 { heal } }", "`repeat` cannot run in an `at` block: it holds put, get, delete, add, "
             + "remove, kill, restart, pause, resume, partition, isolate, heal and config", 1, 9),
        Case("echo $i", "`$i` is only defined inside a `repeat` block", 1, 6),
        Case("put k a=x$i", "`$i` is only defined inside a `repeat` block", 1, 7),
        Case("put \"k $i\" a=1", "`$i` is only defined inside a `repeat` block", 1, 5),
        Case("at 1s { put k$i a=1 }", "`$i` is only defined inside a `repeat` block", 1, 13),
        Case("repeat 2 { heal }\necho $i", "`$i` is only defined inside a `repeat` block", 2, 6),
        Case("repeat 2 { include f$i.kvs }", "an include path cannot hold `$i`: includes are resolved before the "
             + "script runs", 1, 20),
    ]

    @Test(arguments: lexical) func lexicalError(_ c: Case) { check(c) }
    @Test(arguments: commands) func commandError(_ c: Case) { check(c) }
    @Test(arguments: blocks) func blockError(_ c: Case) { check(c) }

    private func check(_ c: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        expectError(c.source, c.message, at: c.line, c.column, suggestion: c.suggestion, sourceLocation: sourceLocation)
    }

    @Test func theFirstErrorInFileOrderWins() {
        expectError("heal\nkill\nfrobnicate", "`kill` needs a node name: kill NODE [wipe]", at: 2, 1)
    }

    @Test func renderedShowsTheLineAndACaret() throws {
        let error = try #require(loadError("add n1\nshow rnig"))
        #expect(error.rendered == """
            t.kvs:2:6: error: unknown word `rnig`: expected `ring`, `nodes`, `key`, `streams`, `stats` or \
            `convergence`: show ring [tokens]|nodes|key KEY|streams|stats|convergence
                show rnig
                     ^~~~
                did you mean `ring`?

            """)
    }
}
