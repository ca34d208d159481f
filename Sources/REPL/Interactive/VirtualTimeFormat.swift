import Cluster

/// Virtual time for the prompt, compactly: `0s`, `250ms`, `1.5ms`, `12.5s`, `1m2s`, `1h30m`.
enum VirtualTimeFormat {
    static func string(_ micros: Micros) -> String {
        guard micros > 0 else { return "0s" }
        if micros < 1_000_000 {
            return decimal(micros, unit: 1_000, digits: 3) + "ms"
        }
        let hours = micros / 3_600_000_000
        let minutes = (micros % 3_600_000_000) / 60_000_000
        let seconds = micros % 60_000_000
        var out = ""
        if hours > 0 { out += "\(hours)h" }
        if minutes > 0 { out += "\(minutes)m" }
        if seconds > 0 || out.isEmpty { out += decimal(seconds, unit: 1_000_000, digits: 6) + "s" }
        return out
    }

    /// `value / unit` with up to `digits` decimals and no trailing zeros (`12500000, 1e6` → `12.5`).
    private static func decimal(_ value: Micros, unit: Micros, digits: Int) -> String {
        let whole = value / unit
        var fraction = value % unit
        guard fraction > 0 else { return "\(whole)" }
        var text = String(fraction)
        text = String(repeating: "0", count: max(0, digits - text.count)) + text
        while text.hasSuffix("0") { text.removeLast(); fraction /= 10 }
        return "\(whole).\(text)"
    }
}
