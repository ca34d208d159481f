/// The help entries of every command word, in LANGUAGE.md's order. Kept as data so that a test can
/// check that each word of `Vocabulary.commands` has one, with an example.
enum HelpCatalog {
    static func entry(named name: String) -> HelpEntry? {
        entries.first { $0.name == name }
    }

    static let entries: [HelpEntry] = cluster + client + streams + time + expectations + faults + inspection

    // MARK: Cluster and network

    static let cluster: [HelpEntry] = [
        HelpEntry(
            name: "config", group: .cluster,
            usages: ["config [key=value…]"],
            summary: "print every setting / change settings",
            details: [
                "Without assignments, prints every setting with its value.",
                "With assignments, applies them together, then checks them; a value out of range is",
                "an error at that value and nothing of the line is applied.",
                "Keys: replicas read write vnodes gossip fanout suspect rehash antientropy renew",
                "timeout latency (A..B or one duration) loss (a percentage).",
                "renew is how often the client renews each open stream's registration.",
                "vnodes applies to nodes added afterwards; a change of replicas re-replicates every range.",
            ],
            example: ["config replicas=5 read=3 write=3", "config latency=5ms loss=0.5%", "config"]),
        HelpEntry(
            name: "seed", group: .cluster,
            usages: ["seed N"],
            summary: "reseed the simulation",
            details: [
                "Reseeds the simulation (N from 0 to 2^64−1): every random stream is derived again from N.",
            ],
            example: ["seed 42"]),
        HelpEntry(
            name: "add", group: .cluster,
            usages: ["add NODE…"],
            summary: "start nodes (bootstrap, or join and rebalance)",
            details: [
                "Starts nodes and returns at once. Nodes added to an empty cluster start knowing one",
                "another; nodes added later contact a running node, join through gossip and take over",
                "ranges (rebalance). Adding a node already in the cluster is an error.",
            ],
            example: ["add n1 n2 n3", "add n4"]),
        HelpEntry(
            name: "remove", group: .cluster,
            usages: ["remove NODE"],
            summary: "graceful leave: hand ranges and streams off, then stop",
            details: [
                "Runs until the node has handed its ranges and streams off (if that cannot finish within",
                "60s, the node is dropped as a killed one would be, and remove says so), then stops it.",
                "Removing a killed or paused node drops it at once; its ranges re-replicate from the",
                "other replicas. A removed name may be added again as a new node.",
            ],
            example: ["add n1 n2 n3 n4", "remove n2"]),
        HelpEntry(
            name: "kill", group: .cluster,
            usages: ["kill NODE [wipe]"],
            summary: "crash a node (wipe: its disk is lost too)",
            details: [
                "Crashes a running or paused node: it stops; what it had stored survives, unless wipe",
                "says the disk is lost too. Messages it had already sent still arrive.",
            ],
            example: ["kill n2", "kill n3 wipe"]),
        HelpEntry(
            name: "restart", group: .cluster,
            usages: ["restart NODE"],
            summary: "start a killed node again with what its disk kept",
            details: [
                "A killed node starts again with what its disk kept (nothing after wipe), rejoins and",
                "catches up. Restarting a node that is not killed is an error.",
            ],
            example: ["kill n2", "advance 5s", "restart n2"]),
        HelpEntry(
            name: "pause", group: .cluster,
            usages: ["pause NODE"],
            summary: "freeze a node (messages to it wait)",
            details: [
                "The node freezes: it sends nothing and its timers stop; messages that reach it wait,",
                "in order, and are handled after resume.",
            ],
            example: ["pause n1", "advance 3s", "resume n1"]),
        HelpEntry(
            name: "resume", group: .cluster,
            usages: ["resume NODE"],
            summary: "unfreeze a paused node",
            details: [
                "A paused node goes on with its state, handling the messages that waited.",
            ],
            example: ["pause n1", "advance 3s", "resume n1"]),
        HelpEntry(
            name: "partition", group: .cluster,
            usages: ["partition A… | B… [| C…]"],
            summary: "split nodes into groups that cannot talk",
            details: [
                "Two or more disjoint, non-empty groups; messages between nodes of different groups are",
                "dropped (judged on arrival, so messages in flight are cut too). Nodes not named stay",
                "connected to all. A new partition replaces the previous one (isolations stay).",
            ],
            example: ["partition n1 n2 | n3 n4 n5", "advance 10s", "heal"]),
        HelpEntry(
            name: "isolate", group: .cluster,
            usages: ["isolate NODE"],
            summary: "cut a node off from every other node",
            details: [
                "Cuts NODE off from every other node (the client still reaches it).",
            ],
            example: ["isolate n3", "advance 10s", "heal"]),
        HelpEntry(
            name: "heal", group: .cluster,
            usages: ["heal"],
            summary: "remove every partition and isolation",
            details: [
                "Removes every partition and isolation.",
            ],
            example: ["partition n1 | n2 n3", "heal"]),
    ]

    // MARK: Client operations

    static let client: [HelpEntry] = [
        HelpEntry(
            name: "put", group: .client,
            usages: ["put KEY field=value… [via NODE]"],
            summary: "sparse update of the named fields",
            details: [
                "Only the named fields change; needs `write` acks. The request goes to NODE with via,",
                "else to the first running node of the key's preference list. Values are strings",
                "(balance=100 is balance=\"100\"); an empty value must be quoted (a=\"\").",
            ],
            example: ["put Alice balance=100 name=\"Alice Smith\"", "put Alice balance=110 via n2"]),
        HelpEntry(
            name: "get", group: .client,
            usages: ["get KEY [FIELD…] [via NODE]"],
            summary: "read (all or some fields) with `read` replies",
            details: [
                "Reads with `read` replies, merges them by highest stamp and repairs stale replicas.",
                "With FIELDs, shows only those fields.",
            ],
            example: ["get Alice", "get Alice balance via n3"]),
        HelpEntry(
            name: "delete", group: .client,
            usages: ["delete KEY [FIELD…] [via NODE]"],
            summary: "delete fields, or the whole object",
            details: [
                "Deletes the named fields, or the whole object, with tombstones. An object whose every",
                "field is deleted reads as absent.",
            ],
            example: ["delete Alice balance", "delete Alice"]),
    ]

    // MARK: Live queries

    static let streams: [HelpEntry] = [
        HelpEntry(
            name: "stream", group: .streams,
            usages: ["stream NAME KEY FIELD… [initial]"],
            summary: "open a named live query on fields of a key",
            details: [
                "Opens a live query on the selected fields of KEY (the key need not exist yet). Runs",
                "until the registration is stored on `write` replicas (failing, like a put, on a",
                "timeout) and reads the starting view; views then follow changes to it, each printed",
                "with the stream's name, a sequence number, the key and the view.",
                "initial also delivers the starting view first.",
            ],
            example: ["stream s Alice balance", "put Alice balance=110", "expect stream s next balance=110"]),
        HelpEntry(
            name: "close", group: .streams,
            usages: ["close NAME"],
            summary: "close a stream",
            details: [
                "Closes the stream. A name reopened after close starts again at sequence 1.",
            ],
            example: ["stream s Alice balance", "close s"]),
        HelpEntry(
            name: "disconnect", group: .streams,
            usages: ["disconnect NAME"],
            summary: "the stream's client goes away",
            details: [
                "The stream's client goes away: reports for it are dropped until reconnect.",
            ],
            example: ["disconnect s", "put Alice balance=5", "reconnect s"]),
        HelpEntry(
            name: "reconnect", group: .streams,
            usages: ["reconnect NAME"],
            summary: "the stream's client comes back and catches up",
            details: [
                "Resumes after the last sequence number seen: collects reports, reads the selected",
                "fields as get does, merges by highest stamp and, if the values differ from the last",
                "view delivered, delivers one view of them. Nothing is duplicated or goes back.",
            ],
            example: ["disconnect s", "put Alice balance=5", "reconnect s", "expect stream s last balance=5"]),
    ]

    // MARK: Time

    static let time: [HelpEntry] = [
        HelpEntry(
            name: "advance", group: .time,
            usages: ["advance DURATION"],
            summary: "let virtual time pass",
            details: [
                "Lets virtual time pass: gossip, failure detection, hinted handoff, anti-entropy and",
                "rebalancing go on. Durations: 250ms, 2s, 1.5s, 1m, 2h (up to 1000h).",
            ],
            example: ["kill n2", "advance 20s"]),
        HelpEntry(
            name: "wait", group: .time,
            usages: ["wait converged [within DURATION]"],
            summary: "advance until converged (an expectation)",
            details: [
                "Advances until the cluster is converged (default limit 60s). Counts as passed, or as",
                "failed at the limit.",
            ],
            example: ["kill n2", "wait converged within 30s"]),
        HelpEntry(
            name: "at", group: .time,
            usages: ["at TIME { … }"],
            summary: "schedule commands at a virtual time",
            details: [
                "Schedules the block's commands to start at virtual time TIME (absolute) without",
                "waiting; they run concurrently once time advances, and their outcomes print when they",
                "complete. A block holds put, get, delete, add, remove, kill, restart, pause, resume,",
                "partition, isolate, heal and config; anything else in it is an error. A time already",
                "past is an error; blocks still pending at the end of a script are reported as not run.",
            ],
            example: ["at 5s { kill n2 }", "at 6s {", "  put Alice balance=1", "}", "advance 10s"]),
    ]

    // MARK: Expectations

    static let expectations: [HelpEntry] = [
        HelpEntry(
            name: "expect", group: .expectations,
            usages: [
                "expect get KEY field=value… [only] [via NODE]",
                "expect get KEY absent [via NODE]",
                "expect stream NAME next [field=value…]",
                "expect stream NAME last [field=value…]",
                "expect stream NAME count N",
                "expect stream NAME empty",
                "expect owners KEY NODE…",
                "expect NODE sees OTHER up|down",
                "expect converged",
                "expect ok COMMAND / expect fail COMMAND",
            ],
            summary: "check get, stream, owners, sees, converged, ok/fail",
            shortUsage: "expect FORM …",
            details: [
                "get: a get returns at least these values (only: exactly these fields), or no object.",
                "stream next: the oldest pending view is exactly these fields; it is consumed.",
                "stream last: every pending view is consumed, the last is exactly these fields.",
                "stream count N / empty: exactly N / no views are pending (none consumed).",
                "owners: the key's preference list is exactly these nodes (any order).",
                "sees: NODE's membership view holds OTHER as up / down.",
                "converged: the cluster is converged now.",
                "ok / fail: the client operation (put, get, delete or stream) succeeds / fails.",
                "A failed expectation prints file:line, what was expected and what was seen;",
                "the script goes on.",
            ],
            example: [
                "expect get Alice balance=121 name=Alice",
                "expect stream s next balance=110",
                "expect n1 sees n2 down",
                "expect fail put Bob a=1",
            ]),
    ]

    // MARK: Fault campaigns and checking

    static let faults: [HelpEntry] = [
        HelpEntry(
            name: "chaos", group: .faults,
            usages: ["chaos DURATION [ops=N] [keys=K] [streams=S]"],
            summary: "random operations and faults, drawn from the seed",
            shortUsage: "chaos DURATION [ops=N] [keys=K] …",
            details: [
                "For DURATION of virtual time, runs N concurrent puts, gets and deletes (default 200",
                "ops on 20 keys) on its own keys chaos-k1 … chaos-kK (fields f1 … f3) while injecting",
                "random faults (kill/restart, pause/resume, partitions/isolation/heal), all drawn from",
                "the seed. Opens S streams chaos-s1 … first. Ends with every fault healed and every",
                "node running, and prints a summary. It never wipes a disk.",
            ],
            example: ["add n1 n2 n3 n4 n5", "chaos 2m ops=500 keys=10 streams=2", "check"]),
        HelpEntry(
            name: "check", group: .faults,
            usages: ["check [within DURATION]"],
            summary: "wait until converged, then check no write was lost",
            details: [
                "An expectation: first lets every operation in flight from `at` blocks complete or",
                "time out, then waits until converged (default limit 60s); then every acknowledged",
                "write is present or superseded by a higher stamp, nothing appears that no client",
                "wrote, and every stream kept its guarantees. Each violation names the key, field and",
                "operations involved (a write no disk holds any more is reported as lost).",
            ],
            example: ["chaos 1m", "check within 2m"]),
    ]

    // MARK: Inspection and scripting

    static let inspection: [HelpEntry] = [
        HelpEntry(
            name: "show", group: .inspection,
            usages: ["show ring|nodes|key KEY|streams|stats|convergence"],
            summary: "tables: ring nodes key KEY streams stats convergence",
            shortUsage: "show WHAT",
            details: [
                "ring: tokens and owners; nodes: node states and views; key KEY: each replica's",
                "fields with versions, and copies a node holds as hints for another or hands off as",
                "it leaves (marked so); streams: open streams; stats: message and operation counts;",
                "convergence: which part of converged does not hold yet.",
            ],
            example: ["show ring", "show key Alice"]),
        HelpEntry(
            name: "echo", group: .inspection,
            usages: ["echo WORD…"],
            summary: "print the words",
            details: [
                "Prints the words, separated by one blank.",
            ],
            example: ["echo \"phase 2: kill a node\""]),
        HelpEntry(
            name: "trace", group: .inspection,
            usages: ["trace on|off"],
            summary: "message-level log on or off",
            details: [
                "Prints every simulated message (send, deliver, drop), as --trace does.",
            ],
            example: ["trace on", "put Alice a=1", "trace off"]),
        HelpEntry(
            name: "repeat", group: .inspection,
            usages: ["repeat N { … }"],
            summary: "run a block N times ($i is the iteration)",
            details: [
                "Runs the block N times; $i in a word or quoted string is the iteration of the",
                "innermost repeat, 1..N, in numbers and durations too (count $i, advance $is), read",
                "as each iteration runs. $i outside a repeat is an error.",
            ],
            example: ["repeat 3 { put user$i visits=$i }", "repeat 2 {", "  advance $is", "}"]),
        HelpEntry(
            name: "include", group: .inspection,
            usages: ["include FILE"],
            summary: "run another script in place",
            details: [
                "Runs another script in place, on the same cluster and settings. FILE (bare or quoted,",
                "no $i) is relative to the including file.",
            ],
            example: ["include setup/five-nodes.kvs"]),
        HelpEntry(
            name: "help", group: .inspection,
            usages: ["help [COMMAND]"],
            summary: "list commands, or explain one",
            details: [
                "Without a word, lists every command; with one, shows its usage and an example.",
            ],
            example: ["help", "help expect"]),
        HelpEntry(
            name: "quit", group: .inspection,
            usages: ["quit"],
            summary: "leave the REPL (in a file: end its run)",
            details: [
                "Leaves the REPL (so does Ctrl-D); in a file, ends that file's run.",
            ],
            example: ["quit"]),
    ]
}
