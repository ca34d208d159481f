import Testing
@testable import Lang

@Suite struct SourceFileTests {
    @Test func dropsBOMAndCRLF() {
        let file = SourceFile(path: "a.kvs", text: "\u{FEFF}add n1\r\nput k a=1\r\n")
        #expect(file.lines == ["add n1", "put k a=1"])
    }
}
