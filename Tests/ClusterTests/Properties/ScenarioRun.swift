@testable import Cluster

/// Plays a scenario with faults on a fresh cluster (client operations are submitted and complete
/// as time passes, so they race with each other and with the faults; stream commands, `leave` and
/// `advance` run to their end), then heals everything and waits for convergence; then judges
/// the outcome directly on versions (`dataFailures`, `streamFailures`) and through the project's
/// history checker (`checkerViolations`).
///
/// Judging reads the ground truth through the public inspection API (`owners(of:)`,
/// `storedFields(of:)`, `version(of:)`, `result(of:)`) and, for the versions a stream's views
/// carried, the stream's delivery log (`sim.streamLogs`, which the client side writes as it
/// delivers; the checker's judgement of it is not used here).
final class ScenarioRun {
    let scenario: Scenario
    let cluster: Cluster
    /// Problems met while playing or finishing (a step that threw, no convergence).
    private(set) var failures: [String] = []
    private(set) var writes: [Write] = []
    private(set) var tracks: [Track] = []
    private(set) var converged = false
    /// When the last `leave` that could not hand off in time ended (its node dropped as a killed
    /// one would be, docs/language.md `remove`): writes submitted before then may be lost with it.
    private(set) var droppedAt: Micros?
    /// When the last `wipeOwners` step wiped disks: writes submitted before then may be lost.
    private(set) var wipedAt: Micros?
    /// How many `restart` steps restarted a node (used by the shrinking test).
    private(set) var restarts = 0
    /// How many steps could not apply and were skipped.
    private(set) var skipped = 0
    private var openTrack: [Int: Int] = [:]
    /// Every client operation submitted (puts, deletes, gets).
    private var operations: [OperationID] = []
    private var removed: Set<String> = []

    /// A put or delete as submitted.
    struct Write: CustomStringConvertible {
        var request: ClientRequest
        var id: OperationID
        var submitted: Micros
        var key: String {
            switch request {
            case .put(let k, _, _), .delete(let k, _, _), .get(let k, _, _): k
            }
        }
        var description: String {
            switch request {
            case .put(let k, let fs, _): "put \(k) " + fs.map { "\($0.field)=\($0.value)" }.joined(separator: " ")
            case .delete(let k, let fs, _): (["delete", k] + fs).joined(separator: " ")
            case .get(let k, _, _): "get \(k)"
            }
        }
        /// The value this write gives `field` (nil: deleted), or nil when it does not touch it.
        func effect(on field: String?) -> String?? {
            switch request {
            case .put(_, let fs, _): return fs.first { $0.field == field }.map { .some($0.value) }
            case .delete(_, let fs, _) where fs.isEmpty: return .some(nil)
            case .delete(_, let fs, _): return field.map { fs.contains($0) } == true ? .some(nil) : nil
            case .get: return nil
            }
        }
    }

    /// One opened stream instance (a name closed and opened again is a new track).
    struct Track {
        var name: String
        var key: String
        var fields: [String]
        var initial: Bool
        /// The starting view `open` returned.
        var start: [FieldValue] = []
        var views: [StreamView] = []
        var open = true
        var connected = true
        /// Its entry in the simulation's stream logs.
        var logIndex: Int
    }

    init(_ scenario: Scenario) throws {
        self.scenario = scenario
        cluster = try scenario.makeCluster()
        cluster.onEvent = { [unowned self] event in
            if case .delivery(let view) = event, let s = Scenario.streamNumber(of: view), let t = self.openTrack[s] {
                self.tracks[t].views.append(view)
            }
        }
    }

    /// Plays every step, then heals, restarts, resumes and reconnects everything and waits (at
    /// most `limit`) until converged.
    static func faulty(_ scenario: Scenario, limit: Micros = 120_000_000) throws -> ScenarioRun {
        let run = try ScenarioRun(scenario)
        run.play()
        run.finish(limit: limit)
        return run
    }

    func play() {
        for (i, step) in scenario.steps.enumerated() {
            do { if try !apply(step) { skipped += 1 } } catch {
                failures.append("step \(i + 1) \(step.source) threw \(error)")
            }
        }
    }

    func finish(limit: Micros) {
        let c = cluster
        restoreEverything()
        // *Converged* says nothing of client requests in flight: let every operation complete
        // (each does within `timeout`) and what its coordinator sent land, before waiting.
        let deadline = c.now + c.settings.timeout
        while c.now < deadline && operations.contains(where: { c.result(of: $0) == nil }) { c.advance(by: 10_000) }
        c.advance(by: 2 * c.settings.latencyMax + 10_000)
        converged = c.waitConverged(limit: limit)
        if !converged {
            failures.append("not converged \(Durations.text(limit)) after healing: \(c.convergence().unmet.prefix(5))")
        }
    }

    /// As `finish`, but leaves the operations still in flight to `check` (docs/language.md: it lets
    /// every client operation in flight complete or time out before it converges and judges).
    /// Fails when `check` returns with an operation still in flight or without converging.
    func finishWithCheck(limit: Micros) -> CheckReport {
        let c = cluster
        restoreEverything()
        let report = c.check(limit: limit)
        if !report.converged { failures.append("check did not converge in \(Durations.text(limit)): \(report.unmet.prefix(5))") }
        if let open = operations.first(where: { c.result(of: $0) == nil }) {
            failures.append("check returned with operation \(open) still in flight")
        }
        // *Converged* says nothing of messages in flight: a request that waited in a paused
        // coordinator's inbox after its client timed out may still be on its way to a replica
        // (a write is never rolled back). Let it land before the data judges read the owners.
        c.advance(by: 2 * c.settings.latencyMax + 10_000)
        converged = report.converged && c.waitConverged(limit: limit)
        return report
    }

    /// Heals every partition, restarts and resumes every node, reconnects every stream.
    private func restoreEverything() {
        let c = cluster
        c.heal()
        do {
            for n in c.nodeNames {
                if c.state(of: n) == .killed { try c.restart(n) }
                if c.state(of: n) == .paused { try c.resume(n) }
            }
            for t in tracks.indices where tracks[t].open && !tracks[t].connected {
                _ = try c.reconnectStream(tracks[t].name)
                tracks[t].connected = true
            }
        } catch {
            failures.append("finishing threw \(error)")
        }
    }

    // MARK: Steps

    private func member(_ n: Int) -> String? {
        let name = "n\(n)"
        return cluster.nodeNames.contains(name) ? name : nil
    }

    private func submit(_ request: ClientRequest) throws {
        let id = try cluster.submit(request)
        operations.append(id)
        writes.append(Write(request: request, id: id, submitted: cluster.now))
    }

    /// Plays one step; false when it could not apply in the state it met and was skipped.
    @discardableResult
    func apply(_ step: Step) throws -> Bool {
        let c = cluster
        switch step {
        case .put(let key, let fields):
            try submit(.put(key: "k\(key)", fields: fields.keys.sorted().map { FieldValue("f\($0)", fields[$0]!) }, via: nil))
        case .deleteFields(let key, let fields):
            try submit(.delete(key: "k\(key)", fields: fields.map { "f\($0)" }, via: nil))
        case .deleteObject(let key):
            try submit(.delete(key: "k\(key)", fields: [], via: nil))
        case .get(let key):
            operations.append(try c.submit(.get(key: "k\(key)", fields: [], via: nil)))
        case .open(let s, let key, let fields, let initial):
            guard openTrack[s] == nil else { return false }
            // Registered before `openStream` runs, so that an `initial` view is caught.
            let t = tracks.count
            tracks.append(Track(name: "s\(s)", key: "k\(key)", fields: fields.map { "f\($0)" }, initial: initial,
                                logIndex: c.sim.streamLogs.count))
            openTrack[s] = t
            let result = try c.openStream("s\(s)", key: "k\(key)", fields: fields.map { "f\($0)" }, initial: initial)
            if case .read(let start, _, _) = result {
                tracks[t].start = start ?? []
            } else {
                tracks.removeLast()
                openTrack[s] = nil
            }
        case .close(let s):
            guard let t = openTrack[s] else { return false }
            try c.closeStream(tracks[t].name)
            tracks[t].open = false
            openTrack[s] = nil
        case .disconnect(let s):
            guard let t = openTrack[s], tracks[t].connected else { return false }
            try c.disconnectStream(tracks[t].name)
            tracks[t].connected = false
        case .reconnect(let s):
            guard let t = openTrack[s], !tracks[t].connected else { return false }
            tracks[t].connected = true
            _ = try c.reconnectStream(tracks[t].name)
        case .kill(let n):
            guard let name = member(n), c.state(of: name) != .killed else { return false }
            try c.kill(name, wipe: false)
        case .restart(let n):
            guard let name = member(n), c.state(of: name) == .killed else { return false }
            try c.restart(name)
            restarts += 1
        case .pause(let n):
            guard let name = member(n), c.state(of: name) == .running else { return false }
            try c.pause(name)
        case .resume(let n):
            guard let name = member(n), c.state(of: name) == .paused else { return false }
            try c.resume(name)
        case .partition(let group):
            let a = group.compactMap(member)
            let b = c.nodeNames.filter { !a.contains($0) }
            guard !a.isEmpty && !b.isEmpty else { return false }
            try c.partition([a, b])
        case .isolate(let n):
            guard let name = member(n) else { return false }
            try c.isolate(name)
        case .heal:
            c.heal()
        case .advance(let ms):
            c.advance(by: Micros(ms) * 1000)
        case .leave(let n):
            guard let name = member(n), c.state(of: name) == .running,
                  c.nodeNames.contains(where: { $0 != name && c.state(of: $0) == .running }) else { return false }
            let outcome = try c.remove(name)
            removed.insert(name)
            if outcome != .handedOff { droppedAt = c.now }
        case .rejoin(let n):
            let name = "n\(n)"
            guard removed.contains(name), member(n) == nil else { return false }
            try c.add([name])
            removed.remove(name)
        case .join(let n, let fate):
            let name = "n\(n)"
            guard member(n) == nil, n > scenario.shape.nodes || removed.contains(name),
                  let contact = c.nodeNames.first(where: { c.state(of: $0) == .running }) else { return false }
            try c.add([name])
            removed.remove(name)
            switch fate {
            case .dies:
                try c.kill(contact, wipe: false)
            case .leaves:
                let outcome = try c.remove(contact)
                removed.insert(contact)
                if outcome != .handedOff { droppedAt = c.now }
            case .isCutOff:
                try c.isolate(contact)
            }
        case .wipeOwners(let key):
            let owners = c.owners(of: "k\(key)")
            guard !owners.isEmpty else { return false }
            for o in owners {
                if c.state(of: o) == .killed { try c.restart(o) }
                try c.kill(o, wipe: true)
            }
            for o in owners { try c.restart(o) }
            wipedAt = c.now
        }
        return true
    }

    // MARK: Judging the data

    var acknowledged: [Write] { writes.filter { cluster.result(of: $0.id)?.succeeded == true } }

    /// Whether a write may have been lost with a node dropped after a failed handoff.
    func mayBeLost(_ w: Write) -> Bool {
        (droppedAt.map { w.submitted <= $0 } ?? false) || (wipedAt.map { w.submitted <= $0 } ?? false)
    }

    /// Acknowledged writes by version; two acknowledged writes with one version are a failure.
    func acknowledgedByVersion(_ failures: inout [String]) -> [Version: Write] {
        var result: [Version: Write] = [:]
        for w in acknowledged {
            guard let v = cluster.version(of: w.id) else {
                failures.append("acknowledged \(w) has no version")
                continue
            }
            if let other = result[v] { failures.append("acknowledged \(other) and \(w) share version \(v.text)") }
            result[v] = w
        }
        return result
    }

    /// After convergence: every owner of every key holds the same fields, values and versions;
    /// no node holds a version newer than the owners'; every acknowledged write is held at its
    /// version or superseded by a higher one (its field's, or the object's tombstone); every
    /// version an acknowledged write made holds what that write wrote; every visible value was
    /// written by some put; and a read returns what the owners hold.
    func dataFailures() -> [String] {
        guard converged else { return [] }
        var f: [String] = []
        let c = cluster
        let byVersion = acknowledgedByVersion(&f)
        for key in (1...4).map({ "k\($0)" }) {
            let owners = c.owners(of: key)
            guard let first = owners.first else { f.append("\(key) has no owner"); continue }
            let stored = c.storedFields(of: key)
            let reference = stored.filter { $0.node == first }
            for o in owners where c.state(of: o) != .running { f.append("\(key): owner \(o) is not running") }
            for o in owners.dropFirst() {
                let held = stored.filter { $0.node == o }
                if held.map(\.entry) != reference.map(\.entry) {
                    f.append("\(key): owner \(o) holds \(held.map(\.text)) but \(first) holds \(reference.map(\.text))")
                }
            }
            for s in stored where !owners.contains(s.node) {
                if let ownerVersion = reference.first(where: { $0.field == s.field })?.version, s.version <= ownerVersion { continue }
                f.append("\(key): \(s.node) holds \(s.text), newer than its owners (\(owners.joined(separator: ",")))")
            }
            for w in acknowledged where w.key == key && !mayBeLost(w) {
                guard let v = c.version(of: w.id) else { continue }
                let touched: [String?]
                switch w.request {
                case .put(_, let fs, _): touched = fs.map(\.field)
                case .delete(_, let fs, _): touched = fs.isEmpty ? [nil] : fs
                case .get: touched = []
                }
                for field in touched {
                    let tomb = reference.first { $0.field == nil }?.version
                    let own = field == nil ? nil : reference.first { $0.field == field }?.version
                    let held = [tomb, own].compactMap { $0 }.max()
                    if held.map({ $0 < v }) ?? true {
                        f.append("\(key): acknowledged \(w) (\(v.text)) lost: \(first) holds "
                            + "\(reference.filter { $0.field == field || $0.field == nil }.map(\.text))")
                    }
                }
            }
            for s in reference {
                if let w = byVersion[s.version] {
                    let matches = w.key == key && w.effect(on: s.field).map { $0 == s.value } == true
                    if !matches { f.append("\(key): \(first) holds \(s.text), but that version is \(w)'s") }
                }
                if s.visible, let field = s.field, let value = s.value, !writes.contains(where: {
                    if case .put(key, let fs, _) = $0.request { return fs.contains(FieldValue(field, value)) }
                    return false
                }) {
                    f.append("\(key): \(first) holds \(s.text), which no client wrote")
                }
            }
            let visible = reference.filter(\.visible).compactMap { s in s.value.map { FieldValue(s.field!, $0) } }
            // (After `leave`s, fewer nodes than `read` may be left: no read can succeed then.)
            if c.settings.read <= c.nodeNames.count { do {
                // With message loss a read may time out: like a user, try again.
                var read = try c.perform(.get(key: key, fields: [], via: nil))
                for _ in 0..<20 where !read.isRead { read = try c.perform(.get(key: key, fields: [], via: nil)) }
                if !read.isRead || read.readFields != (visible.isEmpty ? nil : visible) {
                    f.append("\(key): a read after convergence returned \(read), owners hold \(visible)")
                }
            } catch {
                f.append("\(key): read threw \(error)")
            } }
        }
        return f
    }

    // MARK: Judging the streams

    /// Guarantee 2 on every stream instance (sequence 1, 2, 3… without gaps; consecutive views
    /// differ; no selected field's version goes back, from the starting view on; every version a
    /// view shows that an acknowledged write made shows what that write wrote); and, once
    /// converged, guarantee 3 on every open, connected stream (all are reconnected at the end):
    /// its last view is the selected fields of the key's converged value.
    func streamFailures() -> [String] {
        var f: [String] = []
        let c = cluster
        let byVersion = acknowledgedByVersion(&f)
        let logs = c.sim.streamLogs
        for (i, t) in tracks.enumerated() {
            let label = "stream \(t.name) (instance \(i + 1), \(t.key) \(t.fields))"
            let sequences = t.views.map(\.sequence)
            if sequences != Array(1..<(sequences.count + 1)) { f.append("\(label): sequence numbers \(sequences)") }
            var previous = t.start
            for (j, view) in t.views.enumerated() {
                if j == 0 && t.initial {
                    if view.fields != t.start { f.append("\(label): initial view \(view.fields) ≠ starting view \(t.start)") }
                } else if view.fields == previous {
                    f.append("\(label): view #\(view.sequence) repeats \(view.fields)")
                }
                previous = view.fields
            }
            guard t.logIndex < logs.count, logs[t.logIndex].name == t.name,
                  logs[t.logIndex].deliveries.count == t.views.count else {
                f.append("\(label): no delivery log matching its \(t.views.count) views")
                continue
            }
            let log = logs[t.logIndex]
            let logged = [log.start] + log.deliveries
            let shown = [t.start] + t.views.map(\.fields)
            var last: [Version?] = t.fields.map { _ in nil }
            for (view, fields) in zip(logged, shown) {
                let values = view.values.map { $0.map { c.sim.values[$0] } }
                let seen = t.fields.map { name in fields.first { $0.field == name }?.value }
                if values != seen { f.append("\(label): view #\(view.sequence) logged as \(values), delivered as \(seen)") }
                for (k, stamp) in view.stamps.enumerated() {
                    let version = stamp.isZero ? nil : Version(time: stamp.time, coordinator: c.sim.names[stamp.origin])
                    if let before = last[k], version.map({ $0 < before }) ?? true {
                        f.append("\(label): view #\(view.sequence) took \(t.fields[k]) back from \(before.text) "
                            + "to \(version?.text ?? "no version")")
                    }
                    last[k] = version
                    if seen[k] != nil && version == nil { f.append("\(label): view #\(view.sequence) shows \(t.fields[k]) without a version") }
                    if let version, let w = byVersion[version],
                       !(w.key == t.key && w.effect(on: t.fields[k]).map { $0 == seen[k] } == true) {
                        f.append("\(label): view #\(view.sequence) shows \(t.fields[k])=\(seen[k] ?? "(absent)") at "
                            + "\(version.text), the version of \(w)")
                    }
                }
            }
            guard converged, t.open, t.connected, droppedAt == nil else { continue }
            let owner = c.owners(of: t.key).first ?? ""
            let held = c.storedFields(of: t.key).filter { $0.node == owner && $0.visible }
            let expected = t.fields.compactMap { name in held.first { $0.field == name }?.value.map { FieldValue(name, $0) } }
            let lastView = t.views.last?.fields ?? t.start
            if lastView != expected && !showsAWipedWrite(t, logged.last, held) && !mayHaveLostAWrite(t.key, held) {
                f.append("\(label): last view #\(t.views.last?.sequence ?? 0) is \(lastView), converged value \(expected)")
            }
        }
        return f
    }

    /// Whether the stream's last view shows a selected field at a version newer than the
    /// converged one, written before a `wipeOwners` step: a write lost with the wiped disks, which
    /// guarantee 3 sets aside. (A stream merely behind the converged value is never excused.)
    private func showsAWipedWrite(_ t: Track, _ last: LoggedView?, _ held: [StoredField]) -> Bool {
        guard let wipedAt, let last else { return false }
        let c = cluster
        let tomb = held.first { $0.field == nil }?.version
        for (k, stamp) in last.stamps.enumerated() where !stamp.isZero && stamp.time <= wipedAt {
            let seen = Version(time: stamp.time, coordinator: c.sim.names[stamp.origin])
            let converged = [tomb, held.first { $0.field == t.fields[k] }?.version].compactMap { $0 }.max()
            if converged.map({ $0 < seen }) ?? true { return true }
        }
        return false
    }

    /// Whether a write to `key` submitted before a `wipeOwners` step may have been lost with the
    /// wiped disks (guarantee 3 sets such keys aside): one whose version the converged data
    /// neither holds nor supersedes, or one that was not acknowledged (its fate unknown). A lost
    /// delete can bring an older value back, so the key, not only the stream's view, is excused.
    private func mayHaveLostAWrite(_ key: String, _ held: [StoredField]) -> Bool {
        guard let wipedAt else { return false }
        let c = cluster
        let tomb = held.first { $0.field == nil }?.version
        for w in writes where w.key == key && w.submitted <= wipedAt {
            guard c.result(of: w.id)?.succeeded == true, let v = c.version(of: w.id) else { return true }
            let fields: [String?]
            switch w.request {
            case .put(_, let fs, _): fields = fs.map(\.field)
            case .delete(_, let fs, _): fields = fs.isEmpty ? [nil] : fs
            case .get: fields = []
            }
            for field in fields {
                let own = field.flatMap { f in held.first { $0.field == f }?.version }
                if ([tomb, own].compactMap { $0 }.max().map { $0 < v } ?? true) { return true }
            }
        }
        return false
    }

    /// The history checker's report (docs/language.md `check`), unless a dropped node may have taken
    /// acknowledged writes with it (the checker knows no such exemption).
    func checkerViolations() -> [String] {
        guard converged, droppedAt == nil else { return [] }
        return cluster.check(limit: 0).violations
    }
}

extension StoredField {
    /// What owners must agree on: field (nil: the object tombstone), value (nil: deleted), version.
    var entry: [String?] { [field, value, version.text] }
    var text: String { "\(field ?? "(object)")=\(value ?? "(deleted)")@\(version.text)" }
}

extension Version {
    var text: String { "\(Durations.text(time))@\(coordinator)" }
}

extension ClientResult {
    /// The fields a successful read returned (nil: absent, or not a read).
    var readFields: [FieldValue]? {
        if case .read(let fields, _, _) = self { return fields }
        return nil
    }
    var isRead: Bool {
        if case .read = self { return true }
        return false
    }
}
