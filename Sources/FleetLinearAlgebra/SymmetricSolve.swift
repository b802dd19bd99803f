import CBLAS

/// Solves `A·x = b` for a symmetric positive definite `A` (normal equations, covariance matrices).
public enum SymmetricSolve {
    /// Cholesky factorization and solve, LAPACK `dposv` (`uplo = 'L'`; only the lower triangle is read).
    ///
    /// - Precondition: `A` is square and `b.count == a.rows`.
    /// - Throws: ``LinearAlgebraError/notPositiveDefinite(info:)``.
    /// - Complexity: `n³/3` for the factorization.
    public static func positiveDefinite(_ a: Matrix, _ b: [Double]) throws -> [Double] {
        precondition(a.rows == a.columns, "dposv: A must be square, got \(a.rows)x\(a.columns)")
        precondition(b.count == a.rows, "dposv: A has \(a.rows) rows but b has \(b.count) elements")
        guard a.rows > 0 else { return [] }
        var factor = a.storage
        var solution = b
        var uplo = CChar(UInt8(ascii: "L"))
        var n = blasint(a.rows), nrhs = blasint(1), lda = n, ldb = n, info = blasint(0)
        dposv_(&uplo, &n, &nrhs, &factor, &lda, &solution, &ldb, &info, 1)
        if info > 0 { throw LinearAlgebraError.notPositiveDefinite(info: Int(info)) }
        precondition(info == 0, "dposv: illegal argument \(-info)")
        return solution
    }
}
