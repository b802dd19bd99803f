/// Whether a BLAS routine uses a matrix as stored or its transpose.
public enum Transpose: Sendable {
    /// Use `A`.
    case none
    /// Use `Aᵀ`.
    case transposed

    /// Rows of `op(A)`.
    func rows(of matrix: Matrix) -> Int { self == .none ? matrix.rows : matrix.columns }
    /// Columns of `op(A)`.
    func columns(of matrix: Matrix) -> Int { self == .none ? matrix.columns : matrix.rows }
}
