/// A small XML 1.0 well-formedness check for the tests (no XML library on every CI platform): one
/// root element, tags that nest and close by name, attributes quoted and not repeated, `<` never
/// raw in text or values, and `&` only as a predefined or numeric reference. Returns the tree.
struct ParsedElement {
    var name: String
    var attributes: [String: String] = [:]
    var children: [ParsedElement] = []
    var text = ""

    /// Every element below this one (depth first) named `name`.
    func all(_ name: String) -> [ParsedElement] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.all(name) }
    }
}

struct XMLCheckError: Error, CustomStringConvertible {
    var description: String
}

enum XMLCheck {
    static func parse(_ text: String) throws -> ParsedElement {
        var parser = Parser(chars: Array(text))
        return try parser.document()
    }

    private struct Parser {
        let chars: [Character]
        var i = 0

        mutating func document() throws -> ParsedElement {
            if starts("<?xml") {
                guard let end = find("?>") else { throw XMLCheckError(description: "unclosed prolog") }
                i = end + 2
            }
            skipBlanks()
            let root = try parseElement()
            skipBlanks()
            guard i == chars.count else { throw XMLCheckError(description: "content after the root element at \(i)") }
            return root
        }

        mutating func parseElement() throws -> ParsedElement {
            guard peek == "<" else { throw XMLCheckError(description: "expected < at \(i)") }
            i += 1
            var element = ParsedElement(name: name())
            guard !element.name.isEmpty else { throw XMLCheckError(description: "empty tag name at \(i)") }
            while true {
                skipBlanks()
                if starts("/>") { i += 2; return element }
                if peek == ">" { i += 1; break }
                let attribute = name()
                guard !attribute.isEmpty, peek == "=" else { throw XMLCheckError(description: "bad attribute at \(i)") }
                i += 1
                guard peek == "\"" || peek == "'" else { throw XMLCheckError(description: "unquoted value at \(i)") }
                let quote = chars[i]
                i += 1
                var value = ""
                while i < chars.count && chars[i] != quote {
                    if chars[i] == "<" { throw XMLCheckError(description: "< in an attribute value at \(i)") }
                    value.append(try character())
                }
                guard i < chars.count else { throw XMLCheckError(description: "unclosed attribute value") }
                i += 1
                guard element.attributes[attribute] == nil else {
                    throw XMLCheckError(description: "attribute \(attribute) repeated")
                }
                element.attributes[attribute] = value
            }
            while true {
                guard i < chars.count else { throw XMLCheckError(description: "<\(element.name)> never closed") }
                if starts("</") {
                    i += 2
                    let closing = name()
                    skipBlanks()
                    guard closing == element.name, peek == ">" else {
                        throw XMLCheckError(description: "</\(closing)> closes <\(element.name)>")
                    }
                    i += 1
                    return element
                }
                if peek == "<" {
                    element.children.append(try parseElement())
                } else {
                    element.text.append(try character())
                }
            }
        }

        /// One character of text, a reference decoded.
        mutating func character() throws -> Character {
            let c = chars[i]
            if let ascii = c.asciiValue, ascii < 0x20, c != "\t", c != "\n", c != "\r", c != "\r\n" {
                throw XMLCheckError(description: "control character \(ascii) at \(i)")
            }
            guard c == "&" else { i += 1; return c }
            guard let end = chars[i...].firstIndex(of: ";") else { throw XMLCheckError(description: "unterminated & at \(i)") }
            let entity = String(chars[(i + 1)..<end])
            i = end + 1
            switch entity {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                let value: UInt32?
                if entity.hasPrefix("#x") { value = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { value = UInt32(entity.dropFirst()) }
                else { value = nil }
                guard let value, let scalar = Unicode.Scalar(value) else {
                    throw XMLCheckError(description: "unknown reference &\(entity);")
                }
                return Character(scalar)
            }
        }

        mutating func name() -> String {
            var name = ""
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || "_-.:".contains(chars[i]) {
                name.append(chars[i])
                i += 1
            }
            return name
        }

        var peek: Character? { i < chars.count ? chars[i] : nil }

        func starts(_ text: String) -> Bool {
            let t = Array(text)
            return i + t.count <= chars.count && Array(chars[i..<(i + t.count)]) == t
        }

        func find(_ text: String) -> Int? {
            var j = i
            let t = Array(text)
            while j + t.count <= chars.count {
                if Array(chars[j..<(j + t.count)]) == t { return j }
                j += 1
            }
            return nil
        }

        mutating func skipBlanks() { while let c = peek, c.isWhitespace { i += 1 } }
    }
}
