import Testing

@Suite struct REPLPlaceholder {
    @Test func nothingYet() {}
}
