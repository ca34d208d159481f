import Cluster

/// How values, views and times are written in the output: the same everywhere, so transcripts read alike.
public enum Formatting {
    /// A percentage from millionths: `0%`, `0.5%`, `100%`.
    public static func percent(ppm: Int) -> String {
        Durations.decimal(Int64(ppm), unit: 10_000) + "%"
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
        case .gossip: Durations.text(s.gossip)
        case .suspect: Durations.text(s.suspect)
        case .rehash: Durations.text(s.rehash)
        case .antientropy: Durations.text(s.antientropy)
        case .renew: Durations.text(s.renew)
        case .timeout: Durations.text(s.timeout)
        case .latency: s.latencyMin == s.latencyMax ? Durations.text(s.latencyMin)
            : "\(Durations.text(s.latencyMin))..\(Durations.text(s.latencyMax))"
        case .loss: percent(ppm: s.lossPPM)
        }
    }
}
