#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Set by the SIGINT handler; whoever acts on Ctrl-C takes it (reads and clears it at once).
private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C in the REPL: it never kills the process. At the prompt it abandons the line; during a
/// long `advance` or `wait` the cluster polls `take()` and stops the run early.
enum InterruptFlag {
    /// Installs the SIGINT handler. Without SA_RESTART, so that a blocking read at the prompt returns
    /// (EINTR) and the line reader can notice the interrupt.
    static func install() {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
        #else
        action.__sigaction_u.__sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
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

    /// True when Ctrl-C was pressed since the last call; clears the flag.
    static func take() -> Bool {
        interruptRequested.exchange(false, ordering: .relaxed)
    }
}
