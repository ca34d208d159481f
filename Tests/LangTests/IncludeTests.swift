import Testing
@testable import Lang

/// `include`: resolution relative to the including file, errors inside included files,
/// unreadable files and cycles, all with an in-memory `readFile`.
@Suite struct IncludeTests {
    @Test func includedScriptIsParsedInPlace() throws {
        let files = ["setup.kvs": "add n1 n2\nput k a=1\n"]
        #expect(try described("include setup.kvs\nget k", files: files)
                == ["include setup.kvs { add n1 n2; put k a=1 }", "get k"])
    }

    @Test func quotedPathsWork() throws {
        let files = ["my setup.kvs": "heal"]
        #expect(try described("include \"my setup.kvs\"", files: files) == ["include \"my setup.kvs\" { heal }"])
    }

    @Test func pathsAreRelativeToTheIncludingFile() throws {
        let files = [
            "lib/a.kvs": "include sub/b.kvs\ninclude ../top.kvs",
            "lib/sub/b.kvs": "echo b",
            "top.kvs": "echo top",
            "/abs/c.kvs": "echo c",
        ]
        let script = try load("include lib/a.kvs\ninclude /abs/c.kvs", path: "main.kvs", files: files)
        #expect(script.commands.map(describe) == [
            "include lib/a.kvs { include sub/b.kvs { echo b }; include ../top.kvs { echo top } }",
            "include /abs/c.kvs { echo c }",
        ])
        guard case .declared(let declared) = script.commands[0].kind,
              let included = (declared.arguments as? IncludeArguments)?.script else {
            Issue.record("not an include")
            return
        }
        #expect(included.file.path == "lib/a.kvs")
    }

    @Test func pathsFromAnAbsoluteFileStayAbsolute() throws {
        let files = ["/work/x/b.kvs": "echo b", "/work/y.kvs": "echo y"]
        #expect(try load("include b.kvs\ninclude ../y.kvs", path: "/work/x/a.kvs", files: files).commands.count == 2)
    }

    @Test func errorsInsideAnIncludedFilePointIntoIt() {
        let files = ["dir/inc.kvs": "echo fine\nkil n1"]
        expectError("echo 1\ninclude dir/inc.kvs", "unknown command `kil`", at: 2, 1, suggestion: "kill",
                    file: "dir/inc.kvs", files: files)
    }

    @Test func anUnreadableFileIsAnErrorAtThePathWord() {
        expectError("echo 1\ninclude  missing.kvs", "cannot read `missing.kvs`: no such file", at: 2, 10)
    }

    @Test func anUnreadableFileInsideAnIncludedFile() {
        let files = ["a.kvs": "\ninclude gone.kvs"]
        expectError("include a.kvs", "cannot read `gone.kvs`: no such file", at: 2, 9, file: "a.kvs", files: files)
    }

    @Test func aCycleIsAnErrorAtTheIncludeThatClosesIt() {
        let files = ["b.kvs": "echo b\ninclude c.kvs", "c.kvs": "include ./b.kvs"]
        expectError("include b.kvs", "include cycle: b.kvs → c.kvs → b.kvs", at: 1, 9, file: "c.kvs", files: files)
    }

    @Test func aFileIncludingItselfIsACycle() {
        let files = ["a.kvs": "include a.kvs"]
        do {
            _ = try ScriptLoader { path in
                guard let text = files[path] else { throw NoSuchFile() }
                return text
            }.load(text: "include a.kvs", path: "a.kvs")
            Issue.record("expected a cycle")
        } catch {
            #expect(error.message == "include cycle: a.kvs → a.kvs")
            #expect(error.range.file.path == "a.kvs")
            #expect((error.range.line, error.range.column) == (1, 9))
        }
    }

    @Test func theSameFileMayBeIncludedTwice() throws {
        let files = ["x.kvs": "heal"]
        #expect(try described("include x.kvs\ninclude x.kvs", files: files)
                == ["include x.kvs { heal }", "include x.kvs { heal }"])
    }

    @Test func includesMayNotExpandWithoutBound() {
        // Each file includes the next twice: 2^20 includes once expanded.
        var files: [String: String] = [:]
        for level in 0..<20 { files["f\(level).kvs"] = "include f\(level + 1).kvs\ninclude f\(level + 1).kvs" }
        files["f20.kvs"] = "heal"
        let error = loadError("include f0.kvs", files: files)
        #expect(error?.message == "more than 10000 includes in one script")
    }

    @Test func includeChainsAreCappedInDepth() {
        var files: [String: String] = [:]
        for level in 0..<150 { files["f\(level).kvs"] = "include f\(level + 1).kvs" }
        files["f150.kvs"] = "heal"
        let error = loadError("include f0.kvs", files: files)
        #expect(error?.message == "blocks and includes nest more than 100 levels deep")
    }

    @Test func includeInsideBlocks() throws {
        let files = ["x.kvs": "put k a=1"]
        #expect(try described("repeat 2 {\n  include x.kvs\n}", files: files) == ["repeat 2 { include x.kvs { put k a=1 } }"])
    }

    @Test func iterationVariableInAnIncludedFileNeedsItsOwnRepeat() {
        let files = ["x.kvs": "put k$i a=1"]
        expectError("repeat 2 { include x.kvs }", "`$i` is only defined inside a `repeat` block", at: 1, 5,
                    file: "x.kvs", files: files)
    }

    @Test func pathNormalisation() {
        #expect(IncludePath.resolve("b.kvs", from: "a.kvs") == "b.kvs")
        #expect(IncludePath.resolve("./b.kvs", from: "x/a.kvs") == "x/b.kvs")
        #expect(IncludePath.resolve("../b.kvs", from: "x/a.kvs") == "b.kvs")
        #expect(IncludePath.resolve("../../b.kvs", from: "x/a.kvs") == "../b.kvs")
        #expect(IncludePath.resolve("b.kvs", from: "/a.kvs") == "/b.kvs")
        #expect(IncludePath.resolve("/c/b.kvs", from: "x/a.kvs") == "/c/b.kvs")
        #expect(IncludePath.resolve("../../b.kvs", from: "/x/a.kvs") == "/b.kvs")
        #expect(IncludePath.resolve("b.kvs", from: "<repl>") == "b.kvs")
    }
}
