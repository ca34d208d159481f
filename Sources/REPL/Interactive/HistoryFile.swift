#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL keeps its history: `$XDG_STATE_HOME/kvrepl/history` when XDG_STATE_HOME is set,
/// else `~/.kvrepl_history`; nil when neither can be found (history then lives only in memory).
enum HistoryFile {
    static let maximumLines: Int32 = 1000

    static func path(environment: [String: String]) -> String? {
        if let state = environment["XDG_STATE_HOME"], !state.isEmpty {
            return state + "/kvrepl/history"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.kvrepl_history"
        }
        return nil
    }

    /// Creates the directory that holds `path` (and those above it); false when that is not possible.
    static func prepareDirectory(for path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return true }
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { return false }
            prefix += "/"
        }
        var info = stat()
        return stat(directory, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
