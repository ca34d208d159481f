import Testing
@testable import Lang

/// The command list `CommandListPlugin` generates from the files of Sources/Lang/Commands.
@Suite struct CommandListTests {
    @Test func everyDeclaredCommandIsListedOnce() {
        let words = CommandDeclarations.all.map(\.word)
        #expect(words.count >= 31)
        #expect(Set(words).count == words.count)
        #expect(words.first == "config" && words.last == "quit")
    }

    @Test func helpOrdersAreDistinct() {
        // Two equal orders would list their commands in the order of their files' names.
        let orders = CommandDeclarations.all.map(\.helpOrder)
        #expect(Set(orders).count == orders.count)
        #expect(orders == orders.sorted())
    }

    @Test func everyCommandHasAWayToBeReadBack() {
        // The commands parsed into table entries of their own, read back by their declarations.
        #expect(CommandDeclarations.all.filter { $0.read != nil }.map(\.word)
            == ["put", "get", "delete", "stream", "at", "expect", "repeat"])
    }
}
