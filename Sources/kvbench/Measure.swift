import Foundation

/// Wall-clock timing and memory readings for the benchmark (never used by the simulation itself).
enum Measure {
    /// Seconds `body` took.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        try body()
        let elapsed = clock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// The fastest of `runs` timings of `body`, and all of them in order. Noise on a shared
    /// machine only ever slows a run down, so the fastest is the closest to what the code costs.
    static func best(of runs: Int, _ body: () throws -> Void) rethrows -> (best: Double, all: [Double]) {
        var all: [Double] = []
        for _ in 0..<runs { all.append(try seconds(body)) }
        return (all.min() ?? 0, all)
    }

    /// Peak resident memory of this process so far, in MB (VmHWM from /proc/self/status).
    static func peakResidentMB() -> Double {
        statusField("VmHWM:") / 1024
    }

    /// Resident memory now, in MB.
    static func residentMB() -> Double {
        statusField("VmRSS:") / 1024
    }

    private static func statusField(_ name: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.dropFirst(name.count).filter(\.isNumber)
            return Double(digits) ?? 0
        }
        return 0
    }
}
