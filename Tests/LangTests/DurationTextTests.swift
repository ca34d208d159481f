import Cluster
import Testing
@testable import Lang

/// One way of writing durations, in the core's messages and the language's output alike.
@Suite struct DurationTextTests {
    @Test(arguments: [
        (Micros(0), "0s"), (4, "0.004ms"), (1_250, "1.25ms"), (250_000, "250ms"), (1_000_000, "1s"),
        (1_500_000, "1.5s"), (20_110_224, "20.110224s"), (125_500_000, "125.5s"), (120_000_000, "2m"),
        (3_600_000_000, "1h"), (5_400_000_000, "90m"), (-1_500_000, "-1.5s"),
    ])
    func writesOneUnit(_ micros: Micros, _ text: String) {
        #expect(Durations.text(micros) == text)
    }

    /// Every duration written reads back as the same number of microseconds.
    @Test func readsBackAsWritten() {
        var random = SplitMix64(state: 3)
        for _ in 0..<2_000 {
            let micros = Micros(random.next() % 3_600_000_000_001)
            #expect(Values.duration(Durations.text(micros)) == micros, "\(micros)")
        }
    }

    /// A timeout says what `config` says.
    @Test func aTimeoutIsWrittenAsConfigWritesIt() {
        let run = runScript("""
            config timeout=1500ms
            config
            add n1 n2 n3
            kill n2
            kill n3
            put k a=1
            """)
        #expect(run.output.contains("timeout=1.5s\n"), "\(run.output)")
        #expect(run.output.contains("put k: failed: timed out after 1.5s"), "\(run.output)")
    }
}
