import Testing
@testable import Lang

/// The look-ups the parser and name checker make on bytes, against their String meaning.
@Suite struct ByteLookupTests {
    func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    @Test func everyCommandIsFoundByItsSpellingOnly() {
        let lookUp = CommandDeclarations.index(spelt:)
        for (index, declaration) in CommandDeclarations.all.enumerated() {
            let word = declaration.word
            #expect(withBytes(word, lookUp) == index)
            #expect(withBytes(word.uppercased(), lookUp) == nil)
            #expect(withBytes(word + "s", lookUp) == nil)
            #expect(withBytes(String(word.dropLast()), lookUp) == nil)
        }
        for word in ["", "a", "cheek", "chase", "heap", "isolatE", "rename", "sees", "zzz", "é",
                     String(repeating: "x", count: 40)] {
            #expect(withBytes(word, lookUp) == nil)
        }
    }

    @Test func commandWordsAreDistinct() {
        #expect(Set(Vocabulary.commands).count == Vocabulary.commands.count)
    }

    @Test func nameSetHoldsWhatWasInserted() {
        var set = NameSet(["n1", "node-2"])
        let names = (0..<200).map { "n\($0 * 7)" }
        for name in names { set.insert(name) }
        for name in names + ["n1", "node-2"] { #expect(withBytes(name) { set.contains($0) }) }
        for name in ["", "n", "n2", "node-", "node-22", "N1", "n1 "] { #expect(!withBytes(name) { set.contains($0) }) }
    }
}

extension ByteLookupTests {
    @Test func expectFormSpellingsAreTheVocabulary() {
        #expect(CommandParser.expectFormSpellings.map { $0.description } == Vocabulary.expectForms)
    }
}
