@testable import Cluster

/// Plays a fault-free scenario one step at a time, each client operation through the default
/// coordinator and completed before the next begins, against a model of the data (a map of
/// field values per key) and of every stream's views; then compares the views each stream
/// delivered with the model's, exactly (docs/language.md guarantee 1: without faults, successive
/// writes through the default coordinator are each delivered as their own view, in write order;
/// a write that changes no selected field gives none; `initial` delivers the starting view;
/// `reconnect` delivers one view when the values differ from the last view delivered).
///
/// Streams are settled before `disconnect`, so that "reports for it are dropped meanwhile"
/// drops nothing the model expects. Reads are checked against the model only when quorums
/// overlap (read + write > replicas).
final class FaultFreeRun {
    let scenario: Scenario
    let cluster: Cluster
    private(set) var failures: [String] = []
    private var model: [String: [String: String]] = [:]
    private var tracks: [Track] = []
    private var openTrack: [Int: Int] = [:]

    struct Track {
        var name: String
        var key: String
        var fields: [String]
        var delivered: [StreamView] = []
        var expected: [[FieldValue]] = []
        /// The last view the model says the client holds (delivered, or the starting view).
        var last: [FieldValue] = []
        var open = true
        var connected = true
    }

    init(_ scenario: Scenario) throws {
        self.scenario = scenario
        cluster = try scenario.makeCluster()
        cluster.onEvent = { [unowned self] event in
            if case .delivery(let view) = event, let s = Scenario.streamNumber(of: view), let t = self.openTrack[s] {
                self.tracks[t].delivered.append(view)
            }
        }
    }

    static func run(_ scenario: Scenario) throws -> FaultFreeRun {
        let run = try FaultFreeRun(scenario)
        for (i, step) in scenario.steps.enumerated() {
            do { try run.apply(step, index: i + 1) } catch {
                run.failures.append("step \(i + 1) \(step.source) threw \(error)")
            }
        }
        run.compare()
        return run
    }

    /// The selected fields of `key` in the model, in selection order, absent ones left out.
    private func selection(_ key: String, _ fields: [String]) -> [FieldValue] {
        fields.compactMap { f in model[key]?[f].map { FieldValue(f, $0) } }
    }

    private func write(_ request: ClientRequest, key: String, index: Int, change: (inout [String: String]) -> Void) throws {
        let result = try cluster.perform(request)
        guard result.succeeded else {
            failures.append("step \(index): \(request) failed without faults: \(result)")
            return
        }
        change(&model[key, default: [:]])
        for t in tracks.indices where tracks[t].open && tracks[t].connected && tracks[t].key == key {
            let now = selection(key, tracks[t].fields)
            if now != tracks[t].last {
                tracks[t].expected.append(now)
                tracks[t].last = now
            }
        }
    }

    private func apply(_ step: Step, index: Int) throws {
        let c = cluster
        switch step {
        case .put(let k, let fields):
            let key = "k\(k)"
            let values = fields.keys.sorted().map { FieldValue("f\($0)", fields[$0]!) }
            try write(.put(key: key, fields: values, via: nil), key: key, index: index) { object in
                for v in values { object[v.field] = v.value }
            }
        case .deleteFields(let k, let fields):
            let key = "k\(k)"
            try write(.delete(key: key, fields: fields.map { "f\($0)" }, via: nil), key: key, index: index) { object in
                for f in fields { object["f\(f)"] = nil }
            }
        case .deleteObject(let k):
            let key = "k\(k)"
            try write(.delete(key: key, fields: [], via: nil), key: key, index: index) { $0 = [:] }
        case .get(let k):
            let key = "k\(k)"
            let result = try c.perform(.get(key: key, fields: [], via: nil))
            let expected = model[key].map { o in o.keys.sorted().map { FieldValue($0, o[$0]!) } } ?? []
            let settings = c.settings
            if !result.isRead {
                failures.append("step \(index): get \(key) failed without faults: \(result)")
            } else if settings.read + settings.write > settings.replicas, result.readFields ?? [] != expected {
                failures.append("step \(index): get \(key) returned \(result), expected \(expected)")
            }
        case .open(let s, let k, let fields, let initial):
            guard openTrack[s] == nil else { return }
            let key = "k\(k)", names = fields.map { "f\($0)" }
            let t = tracks.count
            let start = selection(key, names)
            tracks.append(Track(name: "s\(s)", key: key, fields: names, expected: initial ? [start] : [], last: start))
            openTrack[s] = t
            let result = try c.openStream("s\(s)", key: key, fields: names, initial: initial)
            guard case .read(let fieldsRead, _, _) = result else {
                failures.append("step \(index): stream s\(s) on \(key) failed to open without faults: \(result)")
                tracks.removeLast()
                openTrack[s] = nil
                return
            }
            if fieldsRead ?? [] != start {
                failures.append("step \(index): stream s\(s) started from \(fieldsRead ?? []), expected \(start)")
            }
        case .close(let s):
            guard let t = openTrack[s] else { return }
            try c.settleStream(tracks[t].name)
            try c.closeStream(tracks[t].name)
            tracks[t].open = false
            openTrack[s] = nil
        case .disconnect(let s):
            guard let t = openTrack[s], tracks[t].connected else { return }
            try c.settleStream(tracks[t].name)
            try c.disconnectStream(tracks[t].name)
            tracks[t].connected = false
        case .reconnect(let s):
            guard let t = openTrack[s], !tracks[t].connected else { return }
            tracks[t].connected = true
            let result = try c.reconnectStream(tracks[t].name)
            if !result.succeeded { failures.append("step \(index): reconnect of s\(s) failed without faults: \(result)") }
            let now = selection(tracks[t].key, tracks[t].fields)
            if now != tracks[t].last {
                tracks[t].expected.append(now)
                tracks[t].last = now
            }
        case .advance(let ms):
            c.advance(by: Micros(ms) * 1000)
        default:
            failures.append("step \(index) \(step.source) is a fault; a fault-free scenario has none")
        }
    }

    /// Settles every open stream, then compares each stream instance's views with the model's.
    private func compare() {
        for t in tracks.indices where tracks[t].open {
            do { try cluster.settleStream(tracks[t].name) } catch { failures.append("settling \(tracks[t].name) threw \(error)") }
        }
        for (i, t) in tracks.enumerated() {
            let got = t.delivered.map(\.fields)
            if got != t.expected {
                failures.append("stream \(t.name) (instance \(i + 1), \(t.key) \(t.fields)): delivered \(got), expected \(t.expected)")
            }
            let sequences = t.delivered.map(\.sequence)
            if sequences != Array(1..<(sequences.count + 1)) {
                failures.append("stream \(t.name) (instance \(i + 1)): sequence numbers \(sequences)")
            }
        }
    }
}
