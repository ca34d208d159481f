import Cluster

/// The ring as an SVG picture: each token a tick around a circle, coloured by its node, with a
/// legend. The page's script adds the selected key and its preference list.
enum RingPicture {
    /// Colours of nodes, by host number (clients are drawn grey); the page's script uses the same.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
                          "#bcbd22", "#393b79", "#637939", "#843c39"]

    static func colour(_ host: Int32) -> String { palette[Int(host) % palette.count] }

    static func svg(_ snapshot: RunRecorder.RingSnapshot?, id: String, title: String, hosts: [String]) -> String {
        var out = "<figure class=\"ring\"><figcaption>\(MarkupText.html(title))"
        guard let s = snapshot, !s.tokens.isEmpty else {
            return out + ": no nodes</figcaption></figure>"
        }
        out += " (\(MarkupText.html(Durations.text(s.time))))</figcaption>"
        out += "<svg id=\"\(id)\" viewBox=\"0 0 240 240\" width=\"185\" height=\"185\" role=\"img\">"
        out += "<circle cx=\"120\" cy=\"120\" r=\"80\" fill=\"none\" stroke=\"#bbb\" stroke-width=\"1\"/>"
        for (host, position) in s.tokens {
            let (x1, y1) = point(position, radius: 72)
            let (x2, y2) = point(position, radius: 92)
            out += "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(colour(host))\" stroke-width=\"2.5\">"
                + "<title>\(MarkupText.html(hosts[Int(host)])) token at \(MarkupText.number(position * 100, digits: 2))%</title></line>"
        }
        out += "<g class=\"keymark\"></g></svg><div class=\"legend\">"
        var seen: [Int32] = []
        for (host, _) in s.tokens where !seen.contains(host) { seen.append(host) }
        for host in seen.sorted() {
            out += "<span><i style=\"background:\(colour(host))\"></i>\(MarkupText.html(hosts[Int(host)]))</span> "
        }
        return out + "</div></figure>"
    }

    /// The point at `position` (a fraction of the ring, clockwise from the top) at `radius`.
    static func point(_ position: Double, radius: Double) -> (String, String) {
        let angle = position * 2 * Double.pi - Double.pi / 2
        return (MarkupText.number(120 + radius * cosine(angle), digits: 2),
                MarkupText.number(120 + radius * sine(angle), digits: 2))
    }

    // Taylor series: the standard library has no sin/cos without Foundation or Glibc imports.
    private static func sine(_ x: Double) -> Double {
        var a = x.truncatingRemainder(dividingBy: 2 * Double.pi)
        if a > Double.pi { a -= 2 * Double.pi }
        if a < -Double.pi { a += 2 * Double.pi }
        var term = a, sum = a
        for n in 1..<12 {
            term *= -a * a / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    private static func cosine(_ x: Double) -> Double { sine(x + Double.pi / 2) }
}
