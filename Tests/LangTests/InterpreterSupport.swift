@testable import Lang

/// What one script run printed and counted.
struct ScriptRun {
    var outcome: RunOutcome
    var output = ""
    var errors = ""
    var passed = 0
    var failed = 0
}

/// Runs `script` as `main.kvs` on a fresh session; `files` are the other readable files.
func runScript(_ script: String, files: [String: String] = [:], seed: UInt64 = 1, quiet: Bool = false) -> ScriptRun {
    let all = files
    let options = SessionOptions(seed: seed, quiet: quiet) { path in
        guard let text = all[path] else { throw FileMissing() }
        return text
    }
    var out = ""
    var errors = ""
    let session = Session(options: options) { kind, text in
        if kind == .error { errors += text } else { out += text }
    }
    let outcome = session.run(source: script, path: "main.kvs")
    return ScriptRun(outcome: outcome, output: out, errors: errors, passed: session.passed, failed: session.failed)
}

struct FileMissing: Error {}
