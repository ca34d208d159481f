/// Quotes a word for a POSIX shell only when it needs it, so a reproduce hint can be pasted as is:
/// `examples/a.kvs` stays bare, `my file.kvs` becomes `'my file.kvs'`.
enum ShellQuoting {
    static func quote(_ word: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-+:@%=,")
        if !word.isEmpty && word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}

