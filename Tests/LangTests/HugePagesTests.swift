import Testing
@testable import Lang

/// Huge-page advice is advice only: buffers of any size and alignment, advised or not, hold what
/// is written into them, and a large script parses the same whether its tables were advised.
@Suite struct HugePagesTests {
    @Test(arguments: [0, 1, 4095, 4 << 20, (4 << 20) + 12_345])
    func advisedBuffersKeepWhatIsWritten(byteCount: Int) {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(byteCount, 1) + 7, alignment: 1)
        defer { buffer.deallocate() }
        let start = buffer + 3  // not page-aligned
        HugePages.advise(start, byteCount: byteCount)
        HugePages.advise(nil, byteCount: byteCount)
        let bytes = start.bindMemory(to: UInt8.self, capacity: max(byteCount, 1))
        for i in stride(from: 0, to: byteCount, by: 4093) { bytes[i] = UInt8(truncatingIfNeeded: i) }
        for i in stride(from: 0, to: byteCount, by: 4093) { #expect(bytes[i] == UInt8(truncatingIfNeeded: i)) }
    }

    /// `advise(&array)` reads the address of an empty array's reserved storage, before the
    /// parser fills it: an address the standard library must give, or the advice is skipped.
    @Test func anEmptyArraysReservedStorageHasAnAddress() {
        var words = [UInt64]()
        words.reserveCapacity(HugePages.threshold / 8)
        #expect(words.withUnsafeMutableBufferPointer { $0.baseAddress } != nil)
        HugePages.advise(&words)
        words.append(contentsOf: 0..<UInt64(HugePages.threshold / 8))
        #expect(words.last == UInt64(HugePages.threshold / 8 - 1))
    }

    @Test func aLargeScriptsTablesAreAdvisedAndRead() throws {
        var script = "add n1 n2 n3\n"
        var i = 0
        while script.utf8.count < 6 << 20 {  // tables above the threshold
            script += "put user\(i) a=\(i) b=\"x \(i)\"\nexpect get user\(i) a=\(i)\n"
            i += 1
        }
        let loaded = try ScriptLoader(readFile: { _ in "" }).load(text: script, path: "big.kvs")
        #expect(loaded.commands.count == 1 + 2 * i)
        #expect(loaded.commands.last.map(describe) == "expect get user\(i - 1) a=\(i - 1)")
        #expect(loaded.commands.dropLast().last.map(describe) == "put user\(i - 1) a=\(i - 1) b=\"x \(i - 1)\"")
    }
}
