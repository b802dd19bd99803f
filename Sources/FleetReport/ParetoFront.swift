/// The points that no other point beats on both axes.
enum ParetoFront {
    /// Points not dominated when more is better on both x and y, in increasing x.
    static func upperRight(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
        let sorted = points.sorted { $0.x != $1.x ? $0.x > $1.x : $0.y > $1.y }
        var front: [(x: Double, y: Double)] = []
        var best = -Double.infinity
        for point in sorted where point.y > best {
            front.append(point)
            best = point.y
        }
        return front.reversed()
    }
}
