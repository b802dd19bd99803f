/// What a sweep shard says about itself, written as `shard-K-of-N.json` beside its outcomes: enough for
/// `merge` to rebuild the grid without the sweep file and to refuse shards that do not belong together.
///
/// ```json
/// {"schemaVersion": 1, "tool": "fleetsim 0.1.0",
///  "sweep": {"file": "quantization-sweep.yaml", "sha256": "…", "points": 640, "definition": {…}},
///  "inputsSHA256": "…",
///  "shard": {"index": 2, "count": 4}, "firstPoint": 160, "pointCount": 160,
///  "outcomes": {"file": "shard-2-of-4.outcomes.json", "sha256": "…"}}
/// ```
public struct SweepShardManifest: Codable, Sendable, Equatable {
    /// Version of this manifest's layout.
    public var schemaVersion: Int
    /// `fleetsim VERSION` that evaluated the shard.
    public var tool: String
    public var sweep: SweepIdentity
    /// ``SweepFile/inputsSHA256(catalog:efficiencies:)``: profiles and calibration the points were evaluated with.
    public var inputsSHA256: String
    public var shard: SweepShard
    /// Grid index of the shard's first point.
    public var firstPoint: Int
    /// Points in the shard.
    public var pointCount: Int
    public var outcomes: OutcomesFile

    /// The layout this fleetsim writes and reads.
    public static let currentSchemaVersion = 1

    /// The sweep a shard belongs to.
    public struct SweepIdentity: Codable, Sendable, Equatable {
        /// The sweep file's name as given on the command line (shown in messages; not compared).
        public var file: String
        /// ``SweepFile/definitionSHA256``.
        public var sha256: String
        /// Points in the whole grid.
        public var points: Int
        /// The grid itself, so that a merge needs no sweep file.
        public var definition: SweepFile
    }

    /// The file holding the shard's outcomes, and its digest (a manifest never pairs with another shard's outcomes).
    public struct OutcomesFile: Codable, Sendable, Equatable {
        public var file: String
        public var sha256: String
    }

    /// `shard-K-of-N.json`: unique per shard, so all shards of a sweep may share one directory.
    public static func fileName(for shard: SweepShard) -> String { "shard-\(shard.index)-of-\(shard.count).json" }

    /// `shard-K-of-N.outcomes.json`.
    public static func outcomesFileName(for shard: SweepShard) -> String { "shard-\(shard.index)-of-\(shard.count).outcomes.json" }

    /// Whether `name` is a manifest's file name (`shard-K-of-N.json`, not the outcomes file beside it).
    public static func isManifestFileName(_ name: String) -> Bool {
        guard name.hasPrefix("shard-"), name.hasSuffix(".json"), !name.hasSuffix(".outcomes.json") else { return false }
        let middle = name.dropFirst("shard-".count).dropLast(".json".count)
        let parts = middle.split(separator: "-of-", omittingEmptySubsequences: false)
        return parts.count == 2 && Int(parts[0]) != nil && Int(parts[1]) != nil
    }
}
