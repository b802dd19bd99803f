/// One of `count` deterministic slices of a sweep grid: shard `index` (1-based) of `count`.
///
/// Shards are contiguous runs of points in grid order (hardware outermost, output length innermost), as even
/// as integer division allows: shard `k` of `n` over `P` points holds
/// ```
/// ⌊(k − 1) · P / n⌋ ..< ⌊k · P / n⌋
/// ```
/// so concatenating shards 1…n in order gives the whole grid, and points that share a deployment mostly land
/// in the same shard (one step-model compile each).
public struct SweepShard: Hashable, Sendable, Codable, CustomStringConvertible {
    /// 1-based position, `1...count`.
    public let index: Int
    /// Number of shards the grid is split into.
    public let count: Int

    /// The whole grid as a single shard.
    public static let whole = SweepShard(uncheckedIndex: 1, count: 1)

    /// - Throws: ``SweepShardError`` unless `1 ≤ index ≤ count`.
    public init(index: Int, count: Int) throws(SweepShardError) {
        guard count >= 1, (1...count).contains(index) else { throw SweepShardError.outOfRange(index: index, count: count) }
        self.index = index
        self.count = count
    }

    /// Parses `K/N` (as given to `--shard`), e.g. `2/4`.
    /// - Throws: ``SweepShardError`` for text that is not two integers around a slash, or `K` outside `1...N`.
    public init(parsing text: String) throws(SweepShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw SweepShardError.malformed(text) }
        try self.init(index: index, count: count)
    }

    private init(uncheckedIndex: Int, count: Int) {
        index = uncheckedIndex
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// The indices of the grid's points this shard evaluates, out of `pointCount`.
    /// - Complexity: O(1); exact for any `pointCount` (full-width arithmetic).
    public func pointRange(of pointCount: Int) -> Range<Int> {
        boundary(index - 1, of: pointCount)..<boundary(index, of: pointCount)
    }

    private func boundary(_ shardsBefore: Int, of pointCount: Int) -> Int {
        let product = pointCount.multipliedFullWidth(by: shardsBefore)
        return count.dividingFullWidth(product).quotient
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let index = try container.decode(Int.self, forKey: .index), count = try container.decode(Int.self, forKey: .count)
        do {
            try self.init(index: index, count: count)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .index, in: container, debugDescription: error.message)
        }
    }
}
