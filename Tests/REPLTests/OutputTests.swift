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

    @Test(arguments: [
        (Int64(0), "0s"), (-5, "0s"), (1, "0.001ms"), (250_000, "250ms"), (1_500, "1.5ms"),
        (1_000_000, "1s"), (12_500_000, "12.5s"), (62_000_000, "1m2s"), (120_000_000, "2m"),
        (62_250_000, "1m2.25s"), (3_600_000_000, "1h"), (5_430_000_000, "1h30m30s"),
        (3_600_000_001, "1h0.000001s"), (3_600_000_000_000, "1000h"),
    ])
    func virtualTime(micros: Int64, text: String) {
        #expect(VirtualTimeFormat.string(micros) == text)
    }

    @Test func virtualTimeOfTheLargestValueDoesNotTrap() {
        #expect(VirtualTimeFormat.string(Int64.max).hasSuffix("s"))
    }
}
