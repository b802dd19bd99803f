import FleetPerformance
import FleetProfiles

/// A sweep file (`version: 1`): a grid of hardware × models × precision schemes × tensor-parallel degrees ×
/// batch sizes × input and output lengths, evaluated as static batches on one engine.
public struct SweepFile: Codable, Sendable, Equatable {
    public var version: Int
    public var name: String
    public var engine: String
    public var grid: Grid
    /// How large the grid may be; unset means ``pointLimit``.
    public var limits: Limits?

    /// The only `version` this fleetsim reads.
    public static let supportedVersion = 1

    /// The axes of the grid; every combination is a point.
    public struct Grid: Codable, Sendable, Equatable {
        public var hardware: [String]
        public var model: [String]
        public var precision: [Scheme]
        public var tensor: [Int]
        public var batch: [Int]
        public var input: [Int]
        public var output: [Int]
    }

    /// A named quantization scheme.
    public struct Scheme: Codable, Sendable, Equatable {
        public var name: String
        public var weights: Precision
        public var activations: Precision
        public var kvCache: Precision

        enum CodingKeys: String, CodingKey { case name, weights, activations, kvCache = "kv_cache" }
    }

    /// How much work the sweep may ask for (`limits`), raised in the open when a sweep really is that large.
    public struct Limits: Codable, Sendable, Equatable {
        /// Most points of the grid. Every point is held in memory with its result (about 460 bytes).
        public var points: Int
    }

    /// Most points one run (the whole grid, or one shard of it, see ``SweepShard``) evaluates unless `limits.points`
    /// says otherwise: ten times the largest benchmark (10⁶ points, 459 MB resident peak in `docs/performance.md`),
    /// so about 4.6 GB.
    public static let pointLimit = 10_000_000

    /// Every point, hardware outermost, lengths innermost.
    public var points: [SweepPoint] { points(in: 0..<pointCount) }

    /// The points with grid indices in `range`, in grid order (hardware outermost, output length innermost).
    /// - Precondition: `range` lies within `0..<pointCount`.
    /// - Complexity: O(`range.count`).
    public func points(in range: Range<Int>) -> [SweepPoint] {
        precondition(range.lowerBound >= 0 && range.upperBound <= pointCount,
                     "point range \(range) outside the grid of \(pointCount) points")
        return range.map(point(at:))
    }

    /// The point with grid index `index`: the index read as a mixed-radix number whose digits, most
    /// significant first, are the positions on the hardware, model, precision, tensor, batch, input and
    /// output axes.
    public func point(at index: Int) -> SweepPoint {
        var rest = index
        func digit(_ axisCount: Int) -> Int {
            defer { rest /= axisCount }
            return rest % axisCount
        }
        let output = grid.output[digit(grid.output.count)]
        let input = grid.input[digit(grid.input.count)]
        let batch = grid.batch[digit(grid.batch.count)]
        let tensor = grid.tensor[digit(grid.tensor.count)]
        let scheme = grid.precision[digit(grid.precision.count)]
        let model = grid.model[digit(grid.model.count)]
        let hardware = grid.hardware[digit(grid.hardware.count)]
        return SweepPoint(hardware: hardware, model: model, scheme: scheme.name, weights: scheme.weights,
                          activations: scheme.activations, kvCache: scheme.kvCache, tensorParallel: tensor,
                          batch: batch, inputTokens: input, outputTokens: output)
    }

    /// Number of points of the grid (`Int.max` when the product overflows).
    public var pointCount: Int {
        [grid.hardware.count, grid.model.count, grid.precision.count, grid.tensor.count, grid.batch.count, grid.input.count,
         grid.output.count].reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
    }

    /// Loads and checks a sweep file: ids known, axes non-empty, numbers positive, and the points one run
    /// evaluates — the whole grid, or `shard` of it — within ``pointLimit``.
    /// - Throws: ``DiagnosticList``.
    public static func load(path: String, catalog: ProfileCatalog, shard: SweepShard = .whole) throws(DiagnosticList) -> SweepFile {
        let document = try Document(contentsOf: path)
        let sweep = try document.decode(SweepFile.self)
        var diagnostics: [Diagnostic] = []
        let root = DocumentPath()
        func fail(_ message: String, _ path: DocumentPath) { diagnostics.append(document.diagnostic(message, at: path)) }
        if sweep.version != SweepFile.supportedVersion {
            fail(SchemaVersion.unsupportedMessage(sweep.version, supported: SweepFile.supportedVersion), root.appending("version"))
        }
        if catalog.engine(sweep.engine) == nil {
            fail(Suggestion.unknown("engine", sweep.engine, in: catalog.engines.map(\.id)), root.appending("engine"))
        }
        let grid = root.appending("grid")
        for (index, id) in sweep.grid.hardware.enumerated() where catalog.hardware(id) == nil {
            fail(Suggestion.unknown("hardware", id, in: catalog.hardware.map(\.id)), grid.appending("hardware").appending(index))
        }
        for (index, id) in sweep.grid.model.enumerated() where catalog.model(id) == nil {
            fail(Suggestion.unknown("model", id, in: catalog.models.map(\.id)), grid.appending("model").appending(index))
        }
        let axes: [(String, Int)] = [("hardware", sweep.grid.hardware.count), ("model", sweep.grid.model.count),
                                     ("precision", sweep.grid.precision.count), ("tensor", sweep.grid.tensor.count),
                                     ("batch", sweep.grid.batch.count), ("input", sweep.grid.input.count), ("output", sweep.grid.output.count)]
        for (name, count) in axes where count == 0 { fail("grid axis '\(name)' is empty", grid.appending(name)) }
        for (name, values) in [("tensor", sweep.grid.tensor), ("batch", sweep.grid.batch), ("input", sweep.grid.input), ("output", sweep.grid.output)] {
            for (index, value) in values.enumerated() where value < 1 {
                fail("'\(name)' values must be at least 1, got \(value)", grid.appending(name).appending(index))
            }
        }
        let limit = sweep.limits?.points ?? pointLimit
        if limit < 1 {
            fail("'points' must be at least 1, got \(limit)", root.appending("limits").appending("points"))
        } else if sweep.pointCount == Int.max {
            fail("the grid has more than \(Int.max) points; split it into smaller sweeps", grid)
        } else if shard.pointRange(of: sweep.pointCount).count > limit {
            let shardsNeeded = (sweep.pointCount + limit - 1) / limit
            let evaluated = shard == .whole ? "the grid has" : "shard \(shard) of the grid has"
            fail("\(evaluated) \(shard.pointRange(of: sweep.pointCount).count) points, more than the limit of \(limit) per run; "
                 + "split it into at least \(shardsNeeded) shards with --shard, or raise 'limits.points'", grid)
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return sweep
    }
}
