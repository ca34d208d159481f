#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by the SIGINT handler; whoever acts on Ctrl-C takes it (reads and clears it at once).
private let interruptRequested = Atomic<Bool>(false)
/// True while a line reader waits at the prompt (it prints its own newline on Ctrl-C).
private let readingLine = Atomic<Bool>(false)
/// Whether the first Ctrl-C restores SIGINT's default action (script runs, not the REPL).
private let killsOnSecond = Atomic<Bool>(false)
/// Where the handler ends the terminal's echoed `^C` line during a run, or -1 for nowhere.
private let echoDescriptor = Atomic<Int32>(-1)

/// Ctrl-C in the REPL: it never kills the process. At the prompt it abandons the line; during a
/// long `advance` or `wait` the session polls `take()` and stops the run early. In a script run
/// (`installForScripts`) it stops the runs and the sweep prints what finished.
enum InterruptFlag {
    /// Installs the SIGINT handler. Without SA_RESTART, so that a blocking read at the prompt returns
    /// (EINTR) and the line reader can notice the interrupt.
    ///
    /// During a run (not at the prompt) the handler also writes a newline to `echoTo` (when it is
    /// a terminal), so that what follows the terminal's `^C` starts on a line of its own. `write` is
    /// async-signal-safe, and the handler touches only atomics and a static string.
    static func install(echoTo descriptor: Int32 = 1) {
        echoDescriptor.store(isatty(descriptor) == 1 ? descriptor : -1, ordering: .relaxed)
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in InterruptFlag.handleSignal() }
        #else
        action.__sigaction_u.__sa_handler = { _ in InterruptFlag.handleSignal() }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        // A parent may have started us with SIGINT blocked (a blocked mask is inherited): unblock it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Ctrl-C in a script run: the first one asks every run to stop (`isRequested`) and the sweep to
    /// print what finished; it also gives SIGINT back its default action, so that a second Ctrl-C
    /// ends the process at once, as it would any command-line tool.
    static func installForScripts(echoTo descriptor: Int32 = 1) {
        install(echoTo: descriptor)
        killsOnSecond.store(true, ordering: .relaxed)
    }

    /// True once Ctrl-C was pressed (not cleared: every run of a sweep sees it).
    static var isRequested: Bool { interruptRequested.load(ordering: .relaxed) }

    /// True when Ctrl-C was pressed since the last call; clears the flag.
    static func take() -> Bool {
        interruptRequested.exchange(false, ordering: .relaxed)
    }

    /// Runs `body` (a blocking read at the prompt) marked as "at the prompt".
    static func atPrompt<T>(_ body: () -> T) -> T {
        readingLine.store(true, ordering: .relaxed)
        defer { readingLine.store(false, ordering: .relaxed) }
        return body()
    }

    /// Where the handler writes its newline: a descriptor, or -1 for nowhere (for tests).
    static func setEchoDescriptor(_ descriptor: Int32) {
        echoDescriptor.store(descriptor, ordering: .relaxed)
    }

    private static func handleSignal() {
        interruptRequested.store(true, ordering: .relaxed)
        if killsOnSecond.load(ordering: .relaxed) { signal(SIGINT, SIG_DFL) }
        let descriptor = echoDescriptor.load(ordering: .relaxed)
        if descriptor >= 0 && !readingLine.load(ordering: .relaxed) {
            let newline: StaticString = "\n"
            _ = write(descriptor, newline.utf8Start, 1)
        }
    }
}
