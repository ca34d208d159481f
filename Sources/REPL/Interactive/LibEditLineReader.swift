#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Lang

/// Line editing, persistent history and tab completion through libedit.
@MainActor
final class LibEditLineReader: LineReader {
    private let api: LibEdit
    private let historyPath: String?
    private var lastRemembered: String?

    /// Word breaks for completion: blanks, and the punctuation that stands alone (`| { }`), the same
    /// words `Completion` sees.
    private static let wordBreaks = strdup(" \t\n|{}")
    private static let readlineName = strdup("kvrepl")

    init(api: LibEdit, historyPath: String?, completionContext: @escaping () -> CompletionContext) {
        self.api = api
        self.historyPath = historyPath
        api.readlineName.pointee = Self.readlineName
        api.basicWordBreakCharacters.pointee = Self.wordBreaks
        api.completerWordBreakCharacters.pointee = Self.wordBreaks
        CompletionBridge.install(api: api, context: completionContext)
        if let historyPath, HistoryFile.prepareDirectory(for: historyPath) {
            _ = api.readHistory(historyPath)
        }
    }

    func readLine(prompt: String) -> LineInput {
        _ = InterruptFlag.take()
        guard let raw = InterruptFlag.atPrompt({ api.readline(prompt) }) else {
            // readline returns NULL at end of input, and also when Ctrl-C cut its read short.
            if InterruptFlag.take() {
                FileDescriptorWriter.standardOutput.write("\n")
                return .interrupted
            }
            return .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace), line != lastRemembered else { return }
        lastRemembered = line
        _ = api.addHistory(line)
        if let historyPath {
            _ = api.writeHistory(historyPath)
            _ = api.historyTruncateFile(historyPath, HistoryFile.maximumLines)
        }
    }
}

/// The glue between libedit's C completion callbacks and `Completion`. The callbacks cannot capture
/// context, so they reach this main-actor state (readline calls them on the main thread, inside
/// `readline()` itself).
@MainActor
enum CompletionBridge {
    private static var api: LibEdit?
    private static var context: (() -> CompletionContext)?
    private static var pending: [String] = []
    private static var nextIndex = 0

    static func install(api: LibEdit, context: @escaping () -> CompletionContext) {
        self.api = api
        self.context = context
        api.attemptedCompletionFunction.pointee = { text, _, _ in
            let address = MainActor.assumeIsolated { CompletionBridge.complete(text: text) }
            return UnsafeMutablePointer(bitPattern: address)
        }
    }

    /// `rl_attempted_completion_function`: computes the candidates for the line at the cursor and
    /// lets `rl_completion_matches` build libedit's array (returned as an address, 0 for none).
    private static func complete(text: UnsafePointer<CChar>?) -> Int {
        guard let api, let context else { return 0 }
        api.attemptedCompletionOver.pointee = 1 // never fall back to file names
        guard let buffer = api.lineBuffer.pointee else { return 0 }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                              count: strlen(buffer)))
        let point = min(max(0, Int(api.point.pointee)), bytes.count)
        let line = TextFileReader.decode(bytes)
        let cursor = TextFileReader.decode(Array(bytes[..<point])).count
        pending = Completion.candidates(line: line, cursor: cursor, context: context())
        nextIndex = 0
        guard !pending.isEmpty, let text else { return 0 }
        // A field or setting (`balance=`) is followed by its value, not a blank.
        let noBlank = pending.count == 1 && pending[0].hasSuffix("=")
        api.completionAppendCharacter.pointee = noBlank ? 0 : 32
        return Int(bitPattern: api.completionMatches(text, { _, state in
            let address = MainActor.assumeIsolated { CompletionBridge.next(restart: state == 0) }
            return UnsafeMutablePointer(bitPattern: address)
        }))
    }

    /// The generator: the next candidate as a `strdup`ed C string (libedit frees it), 0 at the end.
    private static func next(restart: Bool) -> Int {
        if restart { nextIndex = 0 }
        guard nextIndex < pending.count else { return 0 }
        defer { nextIndex += 1 }
        return Int(bitPattern: strdup(pending[nextIndex]))
    }
}
