/// How a duration or a virtual time is written, everywhere: the core's messages, stamps and traces,
/// and the language's output. One unit, as the language reads it back: `0s`, `250ms`, `1.25ms`,
/// `1.5s`, `125.5s`, `2m` (whole minutes), `1h` (whole hours).
public enum Durations {
    public static func text(_ micros: Micros) -> String {
        if micros < 0 { return "-" + text(0 &- micros) }
        if micros == 0 { return "0s" }
        if micros % 3_600_000_000 == 0 { return "\(micros / 3_600_000_000)h" }
        if micros % 60_000_000 == 0 { return "\(micros / 60_000_000)m" }
        if micros < 1_000_000 { return decimal(micros, unit: 1_000) + "ms" }
        return decimal(micros, unit: 1_000_000) + "s"
    }

    /// `value / unit` with the fraction's trailing zeros removed (`1.5`, `2`, `0.004`).
    public static func decimal(_ value: Int64, unit: Int64) -> String {
        let whole = value / unit
        var fraction = value % unit
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(unit).count - 1
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
