import Cluster

/// `--shiviz FILE`: the run's messages as a ShiViz log. The first line is the regular expression
/// that parses an event (named groups `host`, `clock`, `event`), the second the delimiter between
/// executions (empty: one execution), then one line per event: a send at its sender, a delivery
/// at its receiver, each with a JSON vector clock in which the host's own entry starts at 1 and
/// grows by one per event. A delivery merges the clock the message was sent with.
enum ShivizLog {
    static let pattern = #"(?<host>\S+) (?<clock>\{[^}]*\}) (?<event>.*)"#

    static func text(_ recorder: RunRecorder) -> String {
        let messages = recorder.messages
        // Events in the order they happened: (order, message, is a delivery).
        var events: [(order: Int32, message: Int, delivery: Bool)] = []
        events.reserveCapacity(messages.count * 2)
        for (i, m) in messages.enumerated() {
            events.append((m.sendOrder, i, false))
            if case .delivered = m.fate { events.append((m.endOrder, i, true)) }
        }
        events.sort { $0.order < $1.order }
        var clocks = [[Int32: Int]](repeating: [:], count: recorder.hosts.count)
        var sentWith = [[Int32: Int]?](repeating: nil, count: messages.count)
        var out = pattern + "\n\n"
        for event in events {
            let m = messages[event.message]
            let host = event.delivery ? m.to : m.from
            if event.delivery, let sent = sentWith[event.message] {
                for (h, c) in sent where clocks[Int(host)][h, default: 0] < c { clocks[Int(host)][h] = c }
                sentWith[event.message] = nil
            }
            clocks[Int(host)][host, default: 0] += 1
            if !event.delivery, case .delivered = m.fate { sentWith[event.message] = clocks[Int(host)] }
            let what = event.delivery
                ? "receive \(m.kind) from \(recorder.hosts[Int(m.from)]) at \(Durations.text(m.ended)): \(m.text)"
                : "send \(m.kind) to \(recorder.hosts[Int(m.to)]) at \(Durations.text(m.sent)): \(m.text)" + fateNote(m.fate)
            out += recorder.hosts[Int(host)] + " " + clock(clocks[Int(host)], recorder.hosts) + " " + oneLine(what) + "\n"
        }
        return out
    }

    private static func fateNote(_ fate: RunRecorder.Fate) -> String {
        switch fate {
        case .delivered: ""
        case .dropped(let why): " (dropped: \(why))"
        case .lost: " (lost)"
        case .inFlight: " (in flight at the end)"
        }
    }

    /// Entries in host order, so the same run always gives the same bytes.
    private static func clock(_ entries: [Int32: Int], _ hosts: [String]) -> String {
        "{" + entries.keys.sorted().map { "\(MarkupText.json(hosts[Int($0)])):\(entries[$0, default: 0])" }.joined(separator: ",") + "}"
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
