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
