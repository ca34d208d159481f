/// A client of the cluster: an endpoint of the network as a node is, numbered -1, -2, … (nodes
/// are 0, 1, 2, …), with its own table of operations and the delivery points of the streams it
/// opened. The language drives one client (`Simulation.client`); nothing in the core assumes
/// there is only one: replies go to the endpoint that sent the request, reports to the endpoint
/// that registered the stream.
final class Client {
    /// 0, 1, 2, … in the order the simulation made them.
    let index: Int
    let endpoint: Endpoint
    @exclusivity(unchecked) var ops = ClientTable()
    /// Delivery points of the streams it has open, by name.
    @exclusivity(unchecked) var streams: [String: StreamClient] = [:]
    /// The name of each open stream instance, for reports and timers that name the instance.
    @exclusivity(unchecked) var streamNames: [StreamID: String] = [:]

    init(index: Int) {
        self.index = index
        endpoint = Endpoint(client: index)
    }
}
