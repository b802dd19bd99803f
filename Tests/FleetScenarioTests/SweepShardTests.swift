import Testing
@testable import FleetScenario

struct SweepShardTests {
    @Test(arguments: [("1/1", 1, 1), ("2/4", 2, 4), ("4/4", 4, 4), ("17/100", 17, 100)])
    func parsesKOfN(text: String, index: Int, count: Int) throws {
        let shard = try SweepShard(parsing: text)
        #expect(shard.index == index && shard.count == count)
        #expect(shard.description == text)
    }

    @Test(arguments: [
        ("0/4", "shard '0/4': K must be between 1 and 4"),
        ("5/4", "shard '5/4': K must be between 1 and 4"),
        ("-1/3", "shard '-1/3': K must be between 1 and 3"),
        ("1/0", "shard '1/0': the number of shards must be at least 1"),
        ("2", "shard '2' is not of the form K/N (for example 2/4: the second of four shards)"),
        ("2/4/8", "shard '2/4/8' is not of the form K/N (for example 2/4: the second of four shards)"),
        ("a/b", "shard 'a/b' is not of the form K/N (for example 2/4: the second of four shards)"),
        ("/4", "shard '/4' is not of the form K/N (for example 2/4: the second of four shards)"),
    ])
    func refusesBadShardWithMessage(text: String, message: String) {
        #expect(throws: SweepShardError.self) { try SweepShard(parsing: text) }
        do {
            _ = try SweepShard(parsing: text)
        } catch {
            #expect(error.message == message)
        }
    }

    /// Shards 1…N are contiguous, in order, cover every point once, and differ in size by at most one.
    @Test(arguments: [0, 1, 7, 640, 641, 1_000_003])
    func shardsTileTheGrid(pointCount: Int) throws {
        for count in [1, 2, 3, 4, 7, 64, 1000] {
            let ranges = try (1...count).map { try SweepShard(index: $0, count: count).pointRange(of: pointCount) }
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == pointCount)
            for (before, after) in zip(ranges, ranges.dropFirst()) { #expect(before.upperBound == after.lowerBound) }
            let sizes = ranges.map(\.count)
            #expect(sizes.max()! - sizes.min()! <= 1, "\(pointCount) points in \(count) shards: \(sizes)")
        }
    }

    @Test func rangesStayExactForHugeGrids() throws {
        let shard = try SweepShard(index: 3, count: 4)
        // ⌊2 · (2⁶³ − 2) / 4⌋ = 2⁶² − 1 and ⌊3 · (2⁶³ − 2) / 4⌋ = 3 · 2⁶¹ − 2, past where k · P overflows.
        #expect(shard.pointRange(of: Int.max - 1) == 4_611_686_018_427_387_903..<6_917_529_027_641_081_854)
    }
}
