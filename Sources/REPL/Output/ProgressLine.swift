import Cluster
import Lang
import Synchronization

/// One updating line on a terminal's standard error while a sweep or a long command runs: seeds
/// done of total, failures, seeds per second and time left; or the virtual time reached. It shows
/// only once the work has taken a second of wall-clock time, redraws at most ten times a second,
/// and is erased before any other output so that it never mixes with it. Made only for a terminal.
final class ProgressLine: Sendable {
    private struct State {
        var start = ContinuousClock.now
        var lastDraw: ContinuousClock.Instant?
        var shown = false
        var done: UInt64 = 0
        var failures: UInt64 = 0
        var total: UInt64?
    }

    private let writer: FileDescriptorWriter
    private let state = Mutex(State())
    /// Wall-clock seconds of work before the line shows.
    private let delay: Double

    /// nil unless `writer` is a terminal: piped or redirected stderr gets nothing.
    /// `KVREPL_PROGRESS_DELAY` (seconds) overrides the one-second wait, for tests.
    init?(writer: FileDescriptorWriter = .standardError, environment: [String: String] = ProcessEnvironment.current()) {
        guard writer.isTerminal else { return nil }
        self.writer = writer
        delay = environment["KVREPL_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
    }

    /// Starts timing anew (a sweep of `total` runs, or a REPL line), erasing any line shown.
    func restart(total: UInt64? = nil) {
        state.withLock { state in
            erase(&state)
            state = State()
            state.total = total
        }
    }

    /// A run of the sweep finished.
    func runFinished(failed: Bool) {
        state.withLock { state in
            state.done += 1
            if failed { state.failures += 1 }
            draw(&state, force: state.done == state.total) { state, elapsed in
                let rate = Double(state.done) / max(elapsed, 0.001)
                var text = "seeds \(state.done)" + (state.total.map { "/\($0)" } ?? "") + ", \(state.failures) failed, "
                    + Self.decimal(rate) + " seeds/s"
                if let total = state.total, total >= state.done, rate > 0 {
                    text += ", " + Self.wallTime(Double(total - state.done) / rate) + " left"
                }
                return text
            }
        }
    }

    /// A single run's virtual time, polled while it runs.
    func virtualTime(_ now: Micros) {
        state.withLock { state in
            draw(&state) { _, _ in "virtual time " + Formatting.time(now) }
        }
    }

    /// Erases the line, if shown, before other output.
    func clear() {
        state.withLock { erase(&$0) }
    }

    /// Draws unless the work is younger than `delay` or the last draw was under 0.1s ago (`force`:
    /// the last run of a sweep, whose count should not be skipped).
    private func draw(_ state: inout State, force: Bool = false, _ text: (State, Double) -> String) {
        let now = ContinuousClock.now
        let elapsed = Self.seconds(now - state.start)
        guard elapsed >= delay else { return }
        if !force, let last = state.lastDraw, Self.seconds(now - last) < 0.1 { return }
        state.lastDraw = now
        state.shown = true
        writer.write("\r\u{1B}[K" + text(state, elapsed))
    }

    private func erase(_ state: inout State) {
        guard state.shown else { return }
        writer.write("\r\u{1B}[K")
        state.shown = false
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// One decimal: `85.3`.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `42s`, `3m 5s`, `2h 10m`.
    static func wallTime(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3_600 { return "\(whole / 60)m \(whole % 60)s" }
        return "\(whole / 3_600)h \(whole % 3_600 / 60)m"
    }
}
