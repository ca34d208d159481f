/// What `show stats` counts besides messages. An array index, so counting costs no hashing.
enum OperationCounter: Int, CaseIterable {
    case removes, kills, killsWipe, nodesAdded, restarts, pauses, resumes, partitions, isolations, heals
    case streamsOpened, viewsDelivered, streamReports, hintsDelivered, keysRehomed, readRepairs
    case puts, gets, deletes, registrations, renewals, failedOperations, aeTreeHashesSent, aeKeyDigestsSent

    /// The row's label in `show stats`.
    var label: String {
        switch self {
        case .removes: "removes"
        case .kills: "kills"
        case .killsWipe: "kills (wipe)"
        case .nodesAdded: "nodes added"
        case .restarts: "restarts"
        case .pauses: "pauses"
        case .resumes: "resumes"
        case .partitions: "partitions"
        case .isolations: "isolations"
        case .heals: "heals"
        case .streamsOpened: "streams opened"
        case .viewsDelivered: "views delivered"
        case .streamReports: "stream reports"
        case .hintsDelivered: "hints delivered"
        case .keysRehomed: "keys rehomed"
        case .readRepairs: "read repairs"
        case .puts: "puts"
        case .gets: "gets"
        case .deletes: "deletes"
        case .registrations: "registrations"
        case .renewals: "registration renewals"
        case .failedOperations: "failed operations"
        case .aeTreeHashesSent: "ae tree hashes sent"
        case .aeKeyDigestsSent: "ae key digests sent"
        }
    }
}
