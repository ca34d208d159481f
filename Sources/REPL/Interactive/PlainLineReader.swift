#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line input without libedit: no editing, history or completion, but the same REPL otherwise.
/// Reads fd 0 directly (not stdio), so that a read cut short by Ctrl-C is seen as such.
@MainActor
final class PlainLineReader: LineReader {
    private let output: TerminalOutput
    private var pending: [UInt8] = []
    private var atEnd = false

    init(output: TerminalOutput) {
        self.output = output
    }

    func readLine(prompt: String) -> LineInput {
        output.out.write(prompt)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = TextFileReader.decode(Array(pending[..<newline]))
                pending.removeSubrange(...newline)
                return .line(line)
            }
            if atEnd {
                guard !pending.isEmpty else { return .endOfInput }
                let line = TextFileReader.decode(pending)
                pending.removeAll()
                return .line(line)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = InterruptFlag.atPrompt { chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) } }
            if n > 0 {
                pending.append(contentsOf: chunk[0..<n])
            } else if n == 0 {
                atEnd = true
            } else if errno == EINTR {
                if InterruptFlag.take() {
                    pending.removeAll()
                    output.out.write("\n")
                    return .interrupted
                }
            } else {
                atEnd = true
            }
        }
    }

    func remember(_ line: String) {}
}
