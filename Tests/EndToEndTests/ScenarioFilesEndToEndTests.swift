import Foundation
import Testing

/// Every `Tests/Scenarios/*.kvs` runs through the built `kvrepl` and passes on several seeds.
/// These are the regression scenarios of fixed bugs and pinned behaviours, kept as scripts so a
/// release sweep (`kvrepl --seeds 1..1000 --quiet Tests/Scenarios/*.kvs`) and the trace freeze
/// (`scripts/traces.sh`) cover them as they cover the examples.
@Suite struct ScenarioFilesEndToEndTests {
    static let scenarios = kvsScripts(in: "Tests/Scenarios")

    @Test func thereAreScenarios() {
        #expect(Self.scenarios.count >= 20)
    }

    @Test(arguments: scenarios)
    func scenarioPassesOnSeveralSeeds(_ name: String) throws {
        try expectPasses("Tests/Scenarios/\(name)", seeds: "1..3")
    }
}
