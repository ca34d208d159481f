#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libedit's readline-compatible API, loaded at run time with `dlopen` (no build-time dependency:
/// it is the library the Swift toolchain's lldb links against, so it is there wherever Swift is).
struct LibEdit {
    typealias CString = UnsafeMutablePointer<CChar>
    typealias Matches = UnsafeMutablePointer<CString?>
    typealias Generator = @convention(c) (UnsafePointer<CChar>?, Int32) -> CString?
    typealias AttemptedCompletion = @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> Matches?

    let readline: @convention(c) (UnsafePointer<CChar>?) -> CString?
    let addHistory: @convention(c) (UnsafePointer<CChar>?) -> Int32
    let readHistory: @convention(c) (UnsafePointer<CChar>?) -> Int32
    let writeHistory: @convention(c) (UnsafePointer<CChar>?) -> Int32
    let historyTruncateFile: @convention(c) (UnsafePointer<CChar>?, Int32) -> Int32
    let completionMatches: @convention(c) (UnsafePointer<CChar>?, Generator?) -> Matches?
    /// `rl_attempted_completion_function`, a global variable: set through its address.
    let attemptedCompletionFunction: UnsafeMutablePointer<AttemptedCompletion?>
    let attemptedCompletionOver: UnsafeMutablePointer<Int32>
    let completionAppendCharacter: UnsafeMutablePointer<Int32>
    let lineBuffer: UnsafeMutablePointer<CString?>
    let point: UnsafeMutablePointer<Int32>
    let basicWordBreakCharacters: UnsafeMutablePointer<CString?>
    let completerWordBreakCharacters: UnsafeMutablePointer<CString?>
    let readlineName: UnsafeMutablePointer<CString?>

    /// Loads `libedit.so.2` (or `libedit.so`); nil when the library or a symbol is missing.
    static func load() -> LibEdit? {
        for name in ["libedit.so.2", "libedit.so", "libedit.3.dylib", "libedit.dylib"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            if let api = LibEdit(handle: handle) { return api }
            dlclose(handle)
        }
        return nil
    }

    private init?(handle: UnsafeMutableRawPointer) {
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            guard let address = dlsym(handle, name) else { return nil }
            return unsafeBitCast(address, to: type)
        }
        func variable<T>(_ name: String, as type: T.Type) -> UnsafeMutablePointer<T>? {
            dlsym(handle, name)?.assumingMemoryBound(to: type)
        }
        guard let readline = symbol("readline", as: (@convention(c) (UnsafePointer<CChar>?) -> CString?).self),
              let addHistory = symbol("add_history", as: (@convention(c) (UnsafePointer<CChar>?) -> Int32).self),
              let readHistory = symbol("read_history", as: (@convention(c) (UnsafePointer<CChar>?) -> Int32).self),
              let writeHistory = symbol("write_history", as: (@convention(c) (UnsafePointer<CChar>?) -> Int32).self),
              let truncate = symbol("history_truncate_file",
                                    as: (@convention(c) (UnsafePointer<CChar>?, Int32) -> Int32).self),
              let matches = symbol("rl_completion_matches",
                                   as: (@convention(c) (UnsafePointer<CChar>?, Generator?) -> Matches?).self),
              let attempted = variable("rl_attempted_completion_function", as: AttemptedCompletion?.self),
              let over = variable("rl_attempted_completion_over", as: Int32.self),
              let append = variable("rl_completion_append_character", as: Int32.self),
              let lineBuffer = variable("rl_line_buffer", as: CString?.self),
              let point = variable("rl_point", as: Int32.self),
              let basicBreaks = variable("rl_basic_word_break_characters", as: CString?.self),
              let completerBreaks = variable("rl_completer_word_break_characters", as: CString?.self),
              let name = variable("rl_readline_name", as: CString?.self)
        else { return nil }
        self.readline = readline
        self.addHistory = addHistory
        self.readHistory = readHistory
        self.writeHistory = writeHistory
        self.historyTruncateFile = truncate
        self.completionMatches = matches
        self.attemptedCompletionFunction = attempted
        self.attemptedCompletionOver = over
        self.completionAppendCharacter = append
        self.lineBuffer = lineBuffer
        self.point = point
        self.basicWordBreakCharacters = basicBreaks
        self.completerWordBreakCharacters = completerBreaks
        self.readlineName = name
    }
}
