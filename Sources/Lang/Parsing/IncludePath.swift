/// Paths of included files: joined to the including file's directory, then normalised so that
/// `a.kvs`, `./a.kvs` and `dir/../a.kvs` name the same file for cycle detection.
enum IncludePath {
    /// `path` relative to the directory of `including` (absolute paths stay), normalised.
    static func resolve(_ path: String, from including: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        let directory = including.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            .joined(separator: "/")
        if directory.isEmpty && including.hasPrefix("/") { return normalize("/" + path) }
        return normalize(directory.isEmpty ? path : directory + "/" + path)
    }

    /// Removes `.` and empty components and folds `dir/..`, lexically (symbolic links are not followed).
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !absolute { parts.append(part) }
            default: parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
