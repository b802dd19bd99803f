import CBLAS

/// Linear least squares: the `x` that minimizes `‖A·x − b‖₂` for an `m×n` matrix `A` with `m ≥ n`.
public enum LeastSquares {
    /// The least-squares solution and the residual.
    public struct Solution: Equatable, Sendable {
        /// Minimizer, `n` elements.
        public let coefficients: [Double]
        /// `‖A·x − b‖₂²`, the residual sum of squares.
        public let residualSumOfSquares: Double
        /// Numerical rank of `A` (always `n` for ``solve(_:_:)``).
        public let rank: Int
    }

    /// Solves a full-rank problem by QR factorization, LAPACK `dgels` (`trans = 'N'`).
    ///
    /// - Precondition: `b.count == a.rows`.
    /// - Throws: ``LinearAlgebraError/underdetermined(equations:unknowns:)`` when `m < n`;
    ///   ``LinearAlgebraError/rankDeficient(routine:info:)`` when `A` is exactly rank deficient. A
    ///   nearly singular `A` is not detected: use ``solveMinimumNorm(_:_:relativeConditionLimit:)`` there.
    /// - Complexity: `O(m·n²)`.
    public static func solve(_ a: Matrix, _ b: [Double]) throws -> Solution {
        precondition(b.count == a.rows, "least squares: A has \(a.rows) rows but b has \(b.count) elements")
        guard a.rows >= a.columns else {
            throw LinearAlgebraError.underdetermined(equations: a.rows, unknowns: a.columns)
        }
        guard a.columns > 0 else {
            return Solution(coefficients: [], residualSumOfSquares: b.reduce(0) { $0 + $1 * $1 }, rank: 0)
        }
        var factor = a.storage
        var rightHandSide = b
        var m = blasint(a.rows), n = blasint(a.columns), nrhs = blasint(1)
        var lda = m, ldb = m
        var info = blasint(0)
        var trans = CChar(UInt8(ascii: "N"))
        // Workspace query (lwork = -1), then the solve.
        var workSize = 0.0
        var lwork = blasint(-1)
        dgels_(&trans, &m, &n, &nrhs, &factor, &lda, &rightHandSide, &ldb, &workSize, &lwork, &info, 1)
        lwork = blasint(workSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        dgels_(&trans, &m, &n, &nrhs, &factor, &lda, &rightHandSide, &ldb, &work, &lwork, &info, 1)
        if info > 0 { throw LinearAlgebraError.rankDeficient(routine: "dgels", info: Int(info)) }
        precondition(info == 0, "dgels: illegal argument \(-info)")
        return solution(from: rightHandSide, unknowns: a.columns, rank: a.columns)
    }

    /// Solves a possibly rank-deficient or ill-conditioned problem by SVD, LAPACK `dgelsd`: singular values
    /// below `relativeConditionLimit · σ_max` are treated as zero, and of all minimizers the one of smallest
    /// norm is returned.
    ///
    /// - Parameter relativeConditionLimit: `rcond`; a negative value means machine precision.
    /// - Precondition: `b.count == a.rows`.
    /// - Complexity: `O(m·n²)`.
    public static func solveMinimumNorm(
        _ a: Matrix, _ b: [Double], relativeConditionLimit: Double = -1
    ) throws -> Solution {
        precondition(b.count == a.rows, "least squares: A has \(a.rows) rows but b has \(b.count) elements")
        guard a.rows >= a.columns else {
            throw LinearAlgebraError.underdetermined(equations: a.rows, unknowns: a.columns)
        }
        guard a.columns > 0 else {
            return Solution(coefficients: [], residualSumOfSquares: b.reduce(0) { $0 + $1 * $1 }, rank: 0)
        }
        var factor = a.storage
        var rightHandSide = b
        var m = blasint(a.rows), n = blasint(a.columns), nrhs = blasint(1)
        var lda = m, ldb = m
        var singularValues = [Double](repeating: 0, count: a.columns)
        var rcond = relativeConditionLimit
        var rank = blasint(0), info = blasint(0)
        var workSize = 0.0
        var integerWorkSize = blasint(0)
        var lwork = blasint(-1)
        dgelsd_(&m, &n, &nrhs, &factor, &lda, &rightHandSide, &ldb, &singularValues, &rcond, &rank,
                &workSize, &lwork, &integerWorkSize, &info)
        lwork = blasint(workSize)
        var work = [Double](repeating: 0, count: Int(lwork))
        var integerWork = [blasint](repeating: 0, count: max(1, Int(integerWorkSize)))
        dgelsd_(&m, &n, &nrhs, &factor, &lda, &rightHandSide, &ldb, &singularValues, &rcond, &rank,
                &work, &lwork, &integerWork, &info)
        if info > 0 { throw LinearAlgebraError.noConvergence(routine: "dgelsd", info: Int(info)) }
        precondition(info == 0, "dgelsd: illegal argument \(-info)")
        if Int(rank) == a.columns {
            return solution(from: rightHandSide, unknowns: a.columns, rank: Int(rank))
        }
        // With a deficient rank LAPACK does not return the residual in b[n..<m]; compute it.
        let coefficients = Array(rightHandSide.prefix(a.columns))
        let fitted: [Double] = BLAS.product(a, coefficients)
        var residual = 0.0
        for (fittedValue, observed) in zip(fitted, b) {
            residual += (fittedValue - observed) * (fittedValue - observed)
        }
        return Solution(coefficients: coefficients, residualSumOfSquares: residual, rank: Int(rank))
    }

    /// Coefficients are the first `n` entries of LAPACK's overwritten `b`; for full rank the rest hold the
    /// residual components.
    private static func solution(from overwritten: [Double], unknowns: Int, rank: Int) -> Solution {
        let residual = overwritten[unknowns...].reduce(0) { $0 + $1 * $1 }
        return Solution(coefficients: Array(overwritten.prefix(unknowns)), residualSumOfSquares: residual, rank: rank)
    }
}
