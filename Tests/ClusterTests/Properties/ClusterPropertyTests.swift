import Foundation
import PropertyBased
import Testing
@testable import Cluster

/// Property tests (swift-property-based): random scenarios of client operations, live queries and
/// faults (ScenarioGen) on random cluster shapes, played, healed and converged (ScenarioRun),
/// then judged on versions and through the history checker.
///
/// - Each property runs `count` random scenarios (below), each of up to 60 steps. Set
///   KVREPL_PROPERTY_COUNT=N to run N per property, and KVREPL_PROPERTY_STEPS=M for up to M
///   steps, e.g. for a sweep in a release build:
///   `KVREPL_PROPERTY_COUNT=2000 swift test -c release -Xswiftc -enable-testing --filter ClusterPropertyTests`.
/// - Inputs are new on every run (the library seeds itself from the system). A failure prints
///   the shrunk counterexample as Swift source (`Scenario(seed: …, shape: …, steps: […])`) and a
///   `.fixedSeed("…")` trait: paste the scenario into a regression test (see
///   `ScenarioRegressionTests`), or add the trait to the failing @Test to draw the same input again.
/// - Guarantees are numbered as in docs/language.md "Guarantees": 1 every changing write gives a
///   view (exactly, in order, without faults), 2 no view twice and no field back to an older
///   version, 3 after convergence the last view is the converged value, 4 registrations survive
///   failures and move with their key (exercised by 3 under kills, leaves and re-replication).
/// - Wipes (`kill … wipe`) appear only in `writesLostToAWipedDiskAreDetected`. Even one wipe with
///   write ≥ 2, which keeps every acknowledged write, can lose an unacknowledged write that a
///   stream has already shown, and docs/language.md exempts from guarantee 3 only keys that lost
///   acknowledged writes: whether a wiped run may be judged depends on its history, not its shape.
/// - An error thrown inside a property body is not counted as a failure by the library (it
///   discards it), so bodies catch and record errors themselves (`judged`).
@Suite struct ClusterPropertyTests {
    /// After heal, restart, resume and convergence: converged; every owner of every key holds the
    /// same fields, values and versions; no acknowledged write lost (held at its version or
    /// superseded); nothing phantom; and the history checker finds no lost or phantom write.
    @Test func replicasAgreeAndNoAcknowledgedWriteIsLost() async {
        await propertyCheck(count: PropertyBudget.count(100), input: ScenarioGen.faulty(maxSteps: PropertyBudget.maxSteps)) { scenario in
            let failures = judged(scenario) { run in
                run.failures + run.dataFailures() + run.checkerViolations().filter { !$0.hasPrefix("stream ") }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    /// Under the same scenarios: guarantee 2 on every stream instance (no view twice, no field
    /// back to an older version), and guarantee 3 after convergence on every open, connected
    /// stream (last view = converged value); and the checker's stream verdicts (guarantees 1–3).
    @Test func streamsKeepTheirGuaranteesUnderFaults() async {
        await propertyCheck(count: PropertyBudget.count(100), input: ScenarioGen.faultyStreams(maxSteps: PropertyBudget.maxSteps)) { scenario in
            let failures = judged(scenario) { run in
                run.failures + run.streamFailures() + run.checkerViolations().filter { $0.hasPrefix("stream ") }
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    /// `check` run while operations are still in flight (as after `at` blocks): it lets them
    /// complete or time out, converges, and judges them; nothing acknowledged is lost, nothing
    /// phantom, and the scenario's own judges agree with it once it returns.
    @Test func checkJudgesOperationsStillInFlight() async {
        await propertyCheck(count: PropertyBudget.count(100), input: ScenarioGen.faulty(maxSteps: PropertyBudget.maxSteps)) { scenario in
            var failures: [String] = []
            do {
                let run = try ScenarioRun(scenario)
                run.play()
                let report = run.finishWithCheck(limit: 120_000_000)
                failures = run.failures + run.dataFailures() + (run.droppedAt == nil ? report.violations : [])
            } catch {
                failures = ["threw \(error)"]
            }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    /// Without faults or loss, each operation completed before the next through the default
    /// coordinator: every write that changes a selected field gives its own view, in write order,
    /// with exactly the model's values; no other view is delivered; every operation succeeds.
    @Test func faultFreeWritesEachGiveTheirOwnViewInOrder() async {
        await propertyCheck(count: PropertyBudget.count(100), input: ScenarioGen.faultFree(maxSteps: PropertyBudget.maxSteps)) { scenario in
            var failures: [String] = []
            do { failures = try FaultFreeRun.run(scenario).failures } catch { failures = ["threw \(error)"] }
            #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        }
    }

    /// With one replica, writes acknowledged by a node whose disk is then wiped are lost, and
    /// both the direct check and `check` must say so, for exactly the keys that node owned.
    @Test func writesLostToAWipedDiskAreDetected() async {
        let puts = ScenarioGen.put(keys: 4).array(of: 1...12)
        let seed = Gen.uint64(in: 1...1_000_000_000).withoutShrink()
        await propertyCheck(count: PropertyBudget.count(10), input: zip(puts, Gen.int(in: 3...5), Gen.int(in: 1...4), seed)) { steps, nodes, victimKey, seed in
            let shape = ClusterShape(nodes: nodes, replicas: 1, read: 1, write: 1, lossPPM: 0, latencyMs: 1...10, fastTimers: false)
            let scenario = Scenario(seed: seed, shape: shape, steps: steps)
            do {
                let run = try ScenarioRun(scenario)
                let c = run.cluster
                for step in steps {
                    try run.apply(step)
                    c.advance(by: 50_000)  // each put completes before the next
                }
                let victim = c.owners(of: "k\(victimKey)")[0]
                try c.kill(victim, wipe: true)
                try c.restart(victim)
                run.finish(limit: 60_000_000)
                #expect(run.failures.isEmpty, "\(run.failures)")
                let written = Set(run.acknowledged.map(\.key))
                let expectedLost = written.filter { c.owners(of: $0)[0] == victim }
                let direct = Set(run.dataFailures().filter { $0.contains(" lost: ") }.map { String($0.prefix { $0 != ":" }) })
                #expect(direct == expectedLost, "direct check: lost \(direct.sorted()), expected \(expectedLost.sorted())")
                let report = c.check(limit: 0)
                let checked = Set(report.violations.filter { $0.hasPrefix("lost: ") }.map { String($0.split(separator: " ")[2]) })
                #expect(checked == expectedLost, "check: \(report.violations)")
                #expect(report.passed == expectedLost.isEmpty)
            } catch {
                Issue.record("threw \(error)")
            }
        }
    }

    /// Shrinking: a planted property ("no acknowledged write of f2 after a restart") fails on
    /// random faulty scenarios; the scenario shrinker (the one `propertyCheck` uses) must reduce the
    /// first counterexample to the three steps that make it fail (kill, restart, put of f2 alone,
    /// value "a") on the smallest shape. The shrink is driven here, as the library drives it (take
    /// the first simpler candidate that still fails, until none does), so that the planted failure
    /// is asserted on directly instead of being recorded as a known issue in the test log.
    @Test func failingScenariosShrinkToAFewStepsOnASmallCluster() throws {
        var rng = Xoshiro(seed: (0x5EED, 21, 0xF2, 3))
        var found: Scenario?
        for _ in 0..<200 {
            let scenario = ScenarioGen.plantedFailure.run(using: &rng)
            if try Self.breaksPlantedProperty(scenario) { found = scenario; break }
        }
        var shrunk = try #require(found, "the planted property never failed")
        var rounds = 0
        while let simpler = try Shrinking.scenario(shrunk, minimumSteps: 1).first(where: Self.breaksPlantedProperty) {
            shrunk = simpler
            rounds += 1
        }
        #expect(rounds > 0)
        #expect(shrunk.steps.count == 3, "\(shrunk.testDescription)")
        if shrunk.steps.count == 3, case .kill(let a) = shrunk.steps[0], case .restart(let b) = shrunk.steps[1],
           case .put(_, let fields) = shrunk.steps[2] {
            #expect(a == b)
            #expect(fields == [2: "a"])
        } else {
            Issue.record("not shrunk to kill, restart, put f2=a: \(shrunk.testDescription)")
        }
        #expect(shrunk.shape.nodes == 3 && shrunk.shape.replicas == 1 && shrunk.shape.lossPPM == 0
            && shrunk.shape.latencyMs == 1...1 && !shrunk.shape.fastTimers, "\(shrunk.testDescription)")
    }

    /// True when the scenario acknowledges a put of f2 made after a restart (the planted failure).
    static func breaksPlantedProperty(_ scenario: Scenario) throws -> Bool {
        let run = try ScenarioRun(scenario)
        var restarted = false, planted = false
        for step in scenario.steps {
            let before = run.restarts
            try run.apply(step)
            if run.restarts > before { restarted = true }
            if restarted, case .put(_, let fields) = step, fields[2] != nil { planted = true }
            run.cluster.advance(by: 0)
        }
        run.cluster.advance(by: 2_000_000)
        return planted && run.acknowledged.contains {
            if case .put(_, let fs, _) = $0.request { return fs.contains { $0.field == "f2" } }
            return false
        }
    }
}

/// Plays a faulty scenario and returns what `judge` finds; errors become failures.
func judged(_ scenario: Scenario, _ judge: (ScenarioRun) -> [String]) -> [String] {
    do { return judge(try ScenarioRun.faulty(scenario)) } catch { return ["threw \(error)"] }
}

/// How much each property runs: KVREPL_PROPERTY_COUNT (scenarios per property) and
/// KVREPL_PROPERTY_STEPS (most steps a scenario) override the defaults.
enum PropertyBudget {
    static func count(_ fallback: Int) -> Int { env("KVREPL_PROPERTY_COUNT") ?? fallback }
    static var maxSteps: Int { env("KVREPL_PROPERTY_STEPS") ?? 60 }

    private static func env(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }
}
