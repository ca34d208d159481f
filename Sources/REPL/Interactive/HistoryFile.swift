import Foundation

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

    /// Creates the directory that holds `path`; false when that is not possible.
    static func prepareDirectory(for path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return true }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            return true
        } catch {
            return false
        }
    }
}
