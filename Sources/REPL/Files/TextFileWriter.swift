import Foundation

/// Writes a text file whole (the `--record` script).
enum TextFileWriter {
    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
