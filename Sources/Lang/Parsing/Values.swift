import Cluster

/// Reading numbers, durations and percentages from words (docs/language.md, "Words and lines").
/// Every function returns nil for a malformed or out-of-range word; none can trap.
enum Values {
    static let maxCount = 1_000_000_000
    /// 1000h in microseconds.
    static let maxDuration: Micros = 1000 * 3_600_000_000

    static let countForm = "a count, a whole number from 0 to 1000000000"
    static let durationForm = "a duration such as 250ms, 1.5s, 2m or 1h (ms, s, m or h, from 0 to 1000h, "
        + "in whole microseconds)"
    static let percentForm = "a percentage from 0% to 100%, such as 0.5% (at most 4 decimals)"
    static let seedForm = "a seed, a whole number from 0 to 18446744073709551615"

    /// A decimal integer from 0 to 1,000,000,000.
    static func count(_ text: String) -> Int? { count(digits: text.utf8) }

    /// A count from UTF-8 text, read in place.
    static func count(_ text: UnsafeBufferPointer<UInt8>) -> Int? { count(digits: text) }

    private static func count(digits: some Collection<UInt8>) -> Int? {
        guard let value = unsigned(digits), value <= UInt64(maxCount) else { return nil }
        return Int(value)
    }

    /// A decimal integer from 0 to 2^64−1.
    static func seed(_ text: String) -> UInt64? { unsigned(text) }

    /// `250ms`, `1.5s`, `2m`, `1h`: integer microseconds from 0 to 1000h.
    static func duration(_ text: String) -> Micros? {
        let unit: Int64
        var number = Substring(text)
        if number.hasSuffix("ms") {
            unit = 1_000
            number = number.dropLast(2)
        } else if let last = number.last {
            switch last {
            case "s": unit = 1_000_000
            case "m": unit = 60_000_000
            case "h": unit = 3_600_000_000
            default: return nil
            }
            number = number.dropLast()
        } else {
            return nil
        }
        guard let value = decimal(number, scale: unit), value <= maxDuration else { return nil }
        return value
    }

    /// `0%` to `100%`, in millionths (1% = 10_000).
    static func percent(_ text: String) -> Int? {
        guard text.hasSuffix("%"), let value = decimal(text.dropLast(), scale: 10_000),
              value <= 1_000_000 else { return nil }
        return Int(value)
    }

    /// Digits only, no sign, within UInt64.
    private static func unsigned(_ text: some StringProtocol) -> UInt64? { unsigned(text.utf8) }

    private static func unsigned(_ text: some Collection<UInt8>) -> UInt64? {
        guard !text.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in text {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow1 && !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// `D+` or `D+.D+` times `scale`, when the result is a whole number that fits; nil otherwise.
    private static func decimal(_ text: Substring, scale: Int64) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = unsigned(parts[0]), whole <= UInt64(Int64.max) else { return nil }
        let (scaled, overflow) = Int64(whole).multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        guard parts.count == 2 else { return scaled }
        var fraction = parts[1]
        guard !fraction.isEmpty, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        if fraction.isEmpty { return scaled }
        // A fraction f / 10^k of `scale` is whole only if 10^k / gcd(10^k, scale) divides f; with more
        // than 18 significant decimals it never is (scale < 10^18).
        guard fraction.count <= 18, let digits = unsigned(fraction) else { return nil }
        var power: Int64 = 1
        for _ in 0..<fraction.count { power *= 10 }
        let common = gcd(power, scale)
        let divisor = power / common
        guard Int64(digits) % divisor == 0 else { return nil }
        let part = (Int64(digits) / divisor) * (scale / common)
        let (sum, overflow2) = scaled.addingReportingOverflow(part)
        return overflow2 ? nil : sum
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
