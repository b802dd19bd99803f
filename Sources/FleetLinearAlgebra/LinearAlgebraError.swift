/// A failure reported by a LAPACK routine, with the routine's `info` code.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The matrix is rank deficient: `dgels` found a zero diagonal element of the triangular factor.
    case rankDeficient(routine: String, info: Int)
    /// The matrix is not positive definite: `dposv`'s leading minor of order `info` is not positive.
    case notPositiveDefinite(info: Int)
    /// The SVD did not converge (`dgelsd`, `info > 0`).
    case noConvergence(routine: String, info: Int)
    /// The problem is too small to determine the unknowns (fewer equations than unknowns).
    case underdetermined(equations: Int, unknowns: Int)

    public var description: String {
        switch self {
        case let .rankDeficient(routine, info):
            "\(routine): the matrix is rank deficient (diagonal element \(info) of the triangular factor is zero)"
        case let .notPositiveDefinite(info):
            "dposv: the matrix is not positive definite (leading minor of order \(info))"
        case let .noConvergence(routine, info):
            "\(routine): the singular value decomposition did not converge (\(info) off-diagonal elements)"
        case let .underdetermined(equations, unknowns):
            "least squares needs at least as many equations as unknowns, got \(equations) for \(unknowns)"
        }
    }
}
