/// Traps when a type's invariant checker (`Type+Invariants.swift`) found violations, naming the
/// type and each violation. Called from `checkInvariants()` methods, which run in debug builds only.
func requireInvariants(_ found: [String], of type: String) {
    precondition(found.isEmpty, "\(type) invariants: " + found.joined(separator: "; "))
}
