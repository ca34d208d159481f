import Foundation

/// What one run of the built `kvrepl` printed and how it exited.
struct KvreplResult: Sendable {
    var out: String
    var err: String
    var status: Int32
}

enum KvreplHarnessError: Error, CustomStringConvertible {
    case binaryNotFound([String])
    var description: String {
        switch self {
        case .binaryNotFound(let looked): "kvrepl binary not found; looked in: \(looked.joined(separator: ", "))"
        }
    }
}

/// Runs the built `kvrepl` binary with `args` and, when given, `stdin` as its standard input (else
/// an empty one, so that it never sees a terminal and never starts the interactive REPL).
/// `environment` adds to (or, with nil, removes from) ours; NO_COLOR is set unless removed.
/// Output goes through temporary files, so a large output can never fill a pipe and deadlock.
/// `during` runs once the process has started, given it and what it has printed so far (read anew
/// at each call).
func runKvrepl(args: [String], stdin: String? = nil, environment: [String: String?] = [:],
               currentDirectory: String? = nil,
               during: ((Process, _ printed: () -> String) throws -> Void)? = nil) throws -> KvreplResult {
    let process = Process()
    process.executableURL = try kvreplBinary()
    process.arguments = args
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (name, value) in environment { env[name] = value }
    process.environment = env
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }

    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inURL = scratch.appendingPathComponent("stdin")
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    try Data((stdin ?? "").utf8).write(to: inURL)
    try Data().write(to: outURL)
    try Data().write(to: errURL)
    let inHandle = try FileHandle(forReadingFrom: inURL)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)
    defer { try? inHandle.close(); try? outHandle.close(); try? errHandle.close() }
    process.standardInput = inHandle
    process.standardOutput = outHandle
    process.standardError = errHandle

    try process.run()
    if let during {
        do {
            try during(process) { String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self) }
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
    }
    process.waitUntilExit()
    let out = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    let err = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    return KvreplResult(out: out, err: err, status: process.terminationStatus)
}

/// The `kvrepl` that `swift test` built: next to the test bundle (`.build/debug/kvrepl`).
func kvreplBinary() throws -> URL {
    var candidates: [URL] = []
    for anchor in [Bundle.main.executableURL, Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0])] {
        guard let anchor else { continue }
        var directory = anchor.deletingLastPathComponent()
        // Walk up out of an .xctest bundle (macOS: kvreplPackageTests.xctest/Contents/MacOS/…).
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("kvrepl"))
            directory = directory.deletingLastPathComponent()
        }
    }
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
        return candidate
    }
    throw KvreplHarnessError.binaryNotFound(candidates.map(\.path))
}

/// A scratch directory with the given files (name → contents), removed by the caller.
func scratchDirectory(files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("kvrepl-files-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (name, text) in files {
        try Data(text.utf8).write(to: root.appendingPathComponent(name))
    }
    return root
}

/// The package's root directory (where `Package.swift` is), for tests that run `examples/*.kvs`.
func packageRoot(from file: String = #filePath) -> URL {
    var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
    while directory.path != "/" {
        if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            return directory
        }
        directory = directory.deletingLastPathComponent()
    }
    return directory
}
