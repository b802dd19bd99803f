import CBLAS

/// Level-2 and level-3 BLAS on ``Matrix``, through OpenBLAS's CBLAS interface (column-major).
public enum BLAS {
    /// General matrix product, CBLAS `cblas_dgemm`:
    /// ```
    /// C ← α · op(A) · op(B) + β · C
    /// ```
    /// - Precondition: `op(A)` is `m×k`, `op(B)` is `k×n` and `C` is `m×n`. When `β == 0`, `C`'s previous
    ///   contents are ignored (BLAS does not read them), so `C` may hold NaN.
    /// - Complexity: `2·m·n·k` floating-point operations.
    public static func gemm(
        _ a: Matrix, _ b: Matrix, transposeA: Transpose = .none, transposeB: Transpose = .none,
        alpha: Double = 1, beta: Double = 0, into c: inout Matrix
    ) {
        let m = transposeA.rows(of: a), k = transposeA.columns(of: a)
        let n = transposeB.columns(of: b)
        precondition(transposeB.rows(of: b) == k,
                     "gemm: op(A) is \(m)x\(k) but op(B) is \(transposeB.rows(of: b))x\(n)")
        precondition(c.rows == m && c.columns == n, "gemm: C is \(c.rows)x\(c.columns), expected \(m)x\(n)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // BLAS leaves C scaled by β; make the empty sum explicit.
            for index in c.storage.indices { c.storage[index] = beta == 0 ? 0 : beta * c.storage[index] }
            return
        }
        a.storage.withUnsafeBufferPointer { aBuffer in
            b.storage.withUnsafeBufferPointer { bBuffer in
                c.storage.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_dgemm(
                        CblasColMajor, transposeA.cblas, transposeB.cblas,
                        blasint(m), blasint(n), blasint(k),
                        alpha, aBuffer.baseAddress, blasint(max(1, a.rows)),
                        bBuffer.baseAddress, blasint(max(1, b.rows)),
                        beta, cBuffer.baseAddress, blasint(max(1, m)))
                }
            }
        }
    }

    /// The product `op(A) · op(B)` as a new matrix (``gemm(_:_:transposeA:transposeB:alpha:beta:into:)``
    /// with `β = 0`).
    public static func product(
        _ a: Matrix, _ b: Matrix, transposeA: Transpose = .none, transposeB: Transpose = .none
    ) -> Matrix {
        var c = Matrix(rows: transposeA.rows(of: a), columns: transposeB.columns(of: b))
        gemm(a, b, transposeA: transposeA, transposeB: transposeB, into: &c)
        return c
    }

    /// General matrix-vector product, CBLAS `cblas_dgemv`:
    /// ```
    /// y ← α · op(A) · x + β · y
    /// ```
    /// - Precondition: `x.count` equals the columns of `op(A)` and `y.count` its rows.
    /// - Complexity: `2·m·n` floating-point operations.
    public static func gemv(
        _ a: Matrix, _ x: [Double], transposeA: Transpose = .none,
        alpha: Double = 1, beta: Double = 0, into y: inout [Double]
    ) {
        let m = transposeA.rows(of: a), n = transposeA.columns(of: a)
        precondition(x.count == n, "gemv: op(A) has \(n) columns but x has \(x.count) elements")
        precondition(y.count == m, "gemv: op(A) has \(m) rows but y has \(y.count) elements")
        guard m > 0 else { return }
        if n == 0 {
            for index in y.indices { y[index] = beta == 0 ? 0 : beta * y[index] }
            return
        }
        a.storage.withUnsafeBufferPointer { aBuffer in
            x.withUnsafeBufferPointer { xBuffer in
                y.withUnsafeMutableBufferPointer { yBuffer in
                    cblas_dgemv(
                        CblasColMajor, transposeA.cblas, blasint(a.rows), blasint(a.columns),
                        alpha, aBuffer.baseAddress, blasint(max(1, a.rows)),
                        xBuffer.baseAddress, 1, beta, yBuffer.baseAddress, 1)
                }
            }
        }
    }

    /// The product `op(A) · x` as a new vector.
    public static func product(_ a: Matrix, _ x: [Double], transposeA: Transpose = .none) -> [Double] {
        var y = [Double](repeating: 0, count: transposeA.rows(of: a))
        gemv(a, x, transposeA: transposeA, into: &y)
        return y
    }
}

extension Transpose {
    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}
