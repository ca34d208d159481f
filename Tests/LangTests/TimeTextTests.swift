import Cluster
import Testing
@testable import Lang

/// Points in virtual time as people read them: the language's duration, and from an hour on also
/// days, hours and minutes.
@Suite struct TimeTextTests {
    @Test(arguments: [
        (Micros(0), "0s"), (12_500_000, "12.5s"), (3_599_999_999, "3599.999999s"), (3_600_000_000, "1h"),
        (7_200_000_000, "2h"), (3_725_000_000, "3725s (1h 2m)"), (5_400_000_000, "90m (1h 30m)"),
        (86_400_000_000, "24h (1d 0h 0m)"), (758_962_201_700, "758962.2017s (8d 18h 49m)"),
    ])
    func longTimesAlsoInDaysHoursAndMinutes(_ micros: Micros, _ text: String) {
        #expect(Formatting.time(micros) == text)
    }

    /// A view that arrives while time passes carries its time; one that follows its write's
    /// outcome does not.
    @Test func viewsThatArriveWhileTimePassesCarryTheirTime() {
        let text = runScript("add n1 n2 n3\nstream s k a\nat 1s { put k a=1 }\nadvance 2s\nput k a=2\n").output
        #expect(text.contains("\n[1.0"), "\(text)")
        #expect(text.contains("] s #1 k: a=1\n"), "\(text)")
        #expect(text.contains("put k: ok (n1, 2 acks)\ns #2 k: a=2\n"), "\(text)")
    }
}
