import Cluster

extension Formatting {
    /// A point in virtual time as people read it: `12.5s`, and from an hour on also in days, hours
    /// and minutes, `758962.2017s (8d 18h 49m)`. The first part is what the language reads back.
    public static func time(_ micros: Micros) -> String {
        let text = Durations.text(micros)
        let minutes = micros / 60_000_000
        guard minutes >= 60 else { return text }
        let (days, hours, rest) = (minutes / 1_440, minutes % 1_440 / 60, minutes % 60)
        var parts: [String] = []
        if days > 0 { parts.append("\(days)d") }
        if hours > 0 || days > 0 { parts.append("\(hours)h") }
        parts.append("\(rest)m")
        let readable = parts.joined(separator: " ")
        // `2h` is already plain; `2h (2h 0m)` would only repeat it.
        return micros % 3_600_000_000 == 0 && days == 0 ? text : "\(text) (\(readable))"
    }
}
