import Foundation

/// Seeds for seed-parameterised tests: `fallback` by default, or KVREPL_SEEDS=A..B (for sweeps
/// in a release build: `KVREPL_SEEDS=1..200 swift test -c release …`).
enum TestSeeds {
    static func list(_ fallback: [UInt64]) -> [UInt64] {
        if let spec = ProcessInfo.processInfo.environment["KVREPL_SEEDS"] {
            let parts = spec.split(separator: ".").compactMap { UInt64($0) }
            if parts.count == 2, parts[0] <= parts[1] { return Array(parts[0]...parts[1]) }
        }
        return fallback
    }
}
