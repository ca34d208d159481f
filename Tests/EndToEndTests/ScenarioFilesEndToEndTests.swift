import Foundation
import Testing

/// Every `Tests/Scenarios/*.kvs` runs through the built `kvrepl` and passes on several seeds.
/// These are the regression scenarios of fixed bugs and pinned behaviours, kept as scripts so a
/// release sweep (`kvrepl --seeds 1..1000 --quiet Tests/Scenarios/*.kvs`) and the trace freeze
/// (`scripts/traces.sh`) cover them as they cover the examples.
@Suite struct ScenarioFilesEndToEndTests {
    static let scenarios: [String] = {
        let directory = packageRoot().appendingPathComponent("Tests/Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".kvs") }.sorted()
    }()

    @Test func thereAreScenarios() {
        #expect(Self.scenarios.count >= 20)
    }

    @Test(arguments: scenarios)
    func scenarioPassesOnSeveralSeeds(_ name: String) throws {
        let result = try runKvrepl(args: ["--quiet", "--seeds", "1..3", "Tests/Scenarios/\(name)"],
                                   currentDirectory: packageRoot().path)
        #expect(result.status == 0, "\(result.out)\(result.err)")
        let summary = result.out.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary.hasSuffix(" passed, 0 failed"), "\(result.out)")
        #expect(!summary.hasPrefix("0 passed"))
    }
}
