import Testing
@testable import Cluster

/// Clients are endpoints of their own: with two, each has its own operations, replies reach the
/// client that asked, and a stream's reports reach the client that opened it.
@Suite struct ClientEndpointTests {
    @Test func twoClientsKeepTheirOwnOperationsAndStreams() throws {
        let sim = Simulation(seed: 5, settings: Settings(), clients: 2)
        try sim.add(["n1", "n2", "n3"])
        let first = sim.clients[0], second = sim.clients[1]
        #expect(first.endpoint == -1 && second.endpoint == -2)
        var views: [StreamView] = []
        sim.onEvent = { if case .delivery(let v) = $0 { views.append(v) } }

        let opened = try sim.openStream(second, "s", key: "k", fields: ["a"], initial: false)
        #expect(opened.succeeded)
        #expect(first.streams.isEmpty && second.streams["s"] != nil)

        let key = sim.internKey("k")
        let put = try sim.performInternal(first, .put(key: key, fields: [(FieldID(sim.fields.intern("a")), ValueID(sim.values.intern("1")))]))
        #expect(put.result.succeeded)
        #expect(first.ops.count == 1)
        #expect(second.ops.count == 2)  // its stream's registration and starting read
        sim.run(until: sim.now + 1_000_000)
        #expect(views.map(\.stream) == ["s"] && views.first?.fields == [FieldValue("a", "1")])
        #expect(sim.endpointName(second.endpoint) == "client2")
        #expect(throws: ClusterError.self) { try sim.closeStream(first, "s") }
        try sim.closeStream(second, "s")
    }
}
