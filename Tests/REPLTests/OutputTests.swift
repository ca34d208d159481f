import Lang
import Testing
@testable import REPL

@Suite struct OutputTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(Colour.enabled(isTerminal: true, environment: [:]))
        #expect(!Colour.enabled(isTerminal: false, environment: [:]))
        #expect(!Colour.enabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!Colour.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
    }

    @Test func paintKeepsTheNewlineOutsideTheColour() {
        #expect(Colour.paint("bad\n", as: .failed) == "\u{1B}[31mbad\u{1B}[0m\n")
        #expect(Colour.paint("ok", as: .passed) == "\u{1B}[32mok\u{1B}[0m")
        #expect(Colour.paint("view\n", as: .delivery) == "\u{1B}[36mview\u{1B}[0m\n")
        #expect(Colour.paint("msg\n", as: .trace) == "\u{1B}[2mmsg\u{1B}[0m\n")
        #expect(Colour.paint("plain\n", as: .normal) == "plain\n")
        #expect(Colour.paint("1 passed, 0 failed\n", as: .summary) == "1 passed, 0 failed\n")
        #expect(Colour.paint("", as: .error) == "")
    }

    @Test func promptShowsVirtualTimeAsTheLanguageWritesIt() {
        #expect(InteractiveREPL.prompt(at: 0) == "kvrepl 0s> ")
        #expect(InteractiveREPL.prompt(at: 12_500_000) == "kvrepl 12.5s> ")
        #expect(InteractiveREPL.prompt(at: Int64.max).hasSuffix("s> "))
    }
}
