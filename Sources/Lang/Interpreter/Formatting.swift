import Cluster

/// How values, views and times are written in the output: the same everywhere, so transcripts read alike.
public enum Formatting {
    /// A duration or virtual time in one unit, as the language reads it back:
    /// `0s`, `250ms`, `1.25ms`, `1.5s`, `125.5s`, `2m` (whole minutes), `1h` (whole hours).
    public static func duration(_ micros: Micros) -> String {
        if micros < 0 { return "-" + duration(0 &- micros) }
        if micros == 0 { return "0s" }
        if micros % 3_600_000_000 == 0 { return "\(micros / 3_600_000_000)h" }
        if micros % 60_000_000 == 0 { return "\(micros / 60_000_000)m" }
        if micros < 1_000_000 { return decimal(micros, unit: 1_000) + "ms" }
        return decimal(micros, unit: 1_000_000) + "s"
    }

    /// `value / unit` with the fraction's trailing zeros removed.
    static func decimal(_ value: Micros, unit: Micros) -> String {
        let whole = value / unit
        var fraction = value % unit
        guard fraction != 0 else { return "\(whole)" }
        var digits = String(unit).count - 1
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }

    /// A percentage from millionths: `0%`, `0.5%`, `100%`.
    public static func percent(ppm: Int) -> String {
        decimal(Micros(ppm), unit: 10_000) + "%"
    }

    /// A word as the language would read it back: bare when it can be, else quoted with escapes.
    public static func word(_ text: String) -> String { Quoting.word(text) }

    /// `a=1 b=x`, or `(empty)` for no fields.
    public static func fields(_ fields: [FieldValue]) -> String {
        fields.isEmpty ? "(empty)" : fields.map { "\($0.field)=\(word($0.value))" }.joined(separator: " ")
    }

    /// A table with a title line and aligned columns.
    public static func table(_ table: Table) -> String {
        var text = table.title + "\n"
        guard !table.headers.isEmpty || !table.rows.isEmpty else { return text }
        let all = [table.headers] + table.rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        for row in all where !row.isEmpty {
            // Empty cells at the end of a row are left out, not padded: a line never ends in blanks.
            let cells = row[..<((row.lastIndex { !$0.isEmpty } ?? -1) + 1)]
            var line = ""
            for (i, cell) in cells.enumerated() {
                line += i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count + 2)
            }
            text += line.isEmpty ? "\n" : "  " + line + "\n"
        }
        return text
    }

    /// How a settings value is written in `config`.
    public static func setting(_ key: SettingKey, of s: Settings) -> String {
        switch key {
        case .replicas: "\(s.replicas)"
        case .read: "\(s.read)"
        case .write: "\(s.write)"
        case .vnodes: "\(s.vnodes)"
        case .fanout: "\(s.fanout)"
        case .gossip: duration(s.gossip)
        case .suspect: duration(s.suspect)
        case .rehash: duration(s.rehash)
        case .antientropy: duration(s.antientropy)
        case .renew: duration(s.renew)
        case .timeout: duration(s.timeout)
        case .latency: s.latencyMin == s.latencyMax ? duration(s.latencyMin)
            : "\(duration(s.latencyMin))..\(duration(s.latencyMax))"
        case .loss: percent(ppm: s.lossPPM)
        }
    }
}
