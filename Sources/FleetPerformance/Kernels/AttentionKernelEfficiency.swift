import FleetLinearAlgebra

/// Efficiency of an attention kernel as a function of the query length `S` of a causal (prefill) pass:
/// ```
/// η(S) = η∞ · S / (S + S₀)
/// ```
/// Every query tile pays a fixed cost (loading its queries, the half-masked diagonal tile, the epilogue),
/// which the model counts as `S₀ / 2` extra key positions per query token: a causal pass over `S` tokens does
/// `S²/2` pairs of work at `η∞` plus `S · S₀ / 2`. Published FlashAttention-3 (H100) and FlashAttention-4 (B200)
/// causal forward figures from 512 to 16k tokens follow this within 3 %.
public struct AttentionKernelEfficiency: Codable, Sendable, Equatable {
    /// η∞: fraction of the 16-bit peak reached at long sequences.
    public var value: Double
    /// S₀, in tokens: the query length at which the kernel reaches half of `η∞`.
    public var overheadTokens: Double
    public var rows: [String]

    enum CodingKeys: String, CodingKey { case value, overheadTokens = "overhead_tokens", rows }

    public init(value: Double, overheadTokens: Double, rows: [String]) {
        self.value = value
        self.overheadTokens = overheadTokens
        self.rows = rows
    }

    /// η at a query length of `sequence` tokens (`η∞` when the length is not known).
    public func efficiency(sequence: Double?) -> Double {
        guard let sequence, sequence > 0 else { return value }
        return value * sequence / (sequence + overheadTokens)
    }

    /// Fits `1/achieved = a + b/S` (`a = 1/(peak·η∞)`, `b = a·S₀`) by least squares on the relative error;
    /// a row without a stated length is taken at long sequences (`1/achieved = a`). With no length stated,
    /// or a fit that would make `S₀` negative, `S₀ = 0` and `η∞` is the mean ratio.
    /// - Parameter samples: achieved and peak rates in one unit, the query length when stated, the row id.
    static func fit(_ samples: [(achieved: Double, peak: Double, sequence: Double?, row: String)]) -> AttentionKernelEfficiency? {
        let usable = samples.filter { $0.achieved > 0 && $0.peak > 0 }
        guard !usable.isEmpty else { return nil }
        let rows = usable.map(\.row).sorted()
        let meanRatio = usable.map { $0.achieved / $0.peak }.reduce(0, +) / Double(usable.count)
        guard usable.contains(where: { $0.sequence != nil }), usable.count >= 2 else {
            return AttentionKernelEfficiency(value: meanRatio, overheadTokens: 0, rows: rows)
        }
        // Unknowns x = [1/η∞, S₀/η∞] of peak/achieved = x₀ + x₁/S, each equation divided by its own
        // peak/achieved so that the residual is relative.
        var equations: [[Double]] = []
        var targets: [Double] = []
        for sample in usable {
            let inverse = sample.peak / sample.achieved
            equations.append([1 / inverse, (sample.sequence.map { 1 / $0 } ?? 0) / inverse])
            targets.append(1)
        }
        guard let solution = try? LeastSquares.solve(Matrix(equations), targets),
              solution.coefficients[0] > 0, solution.coefficients[1] >= 0 else {
            return AttentionKernelEfficiency(value: meanRatio, overheadTokens: 0, rows: rows)
        }
        let x = solution.coefficients
        return AttentionKernelEfficiency(value: 1 / x[0], overheadTokens: x[1] / x[0], rows: rows)
    }
}
