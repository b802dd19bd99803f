@testable import FleetLinearAlgebra

/// Textbook implementations, written for clarity, that the BLAS/LAPACK wrappers are checked against.
enum Naive {
    static func product(_ a: Matrix, _ b: Matrix) -> Matrix {
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum = 0.0
                for p in 0..<a.columns { sum += a[i, p] * b[p, j] }
                c[i, j] = sum
            }
        }
        return c
    }

    static func product(_ a: Matrix, _ x: [Double]) -> [Double] {
        (0..<a.rows).map { i in (0..<a.columns).reduce(0.0) { $0 + a[i, $1] * x[$1] } }
    }

    /// Gaussian elimination with partial pivoting on a square system.
    static func solve(_ a: Matrix, _ b: [Double]) -> [Double] {
        let n = a.rows
        var m = (0..<n).map { a.row($0) + [b[$0]] }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(m[$0][column]) < abs(m[$1][column]) }!
            m.swapAt(column, pivot)
            for row in (column + 1)..<n {
                let factor = m[row][column] / m[column][column]
                for k in column...n { m[row][k] -= factor * m[column][k] }
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = m[row][n]
            for k in (row + 1)..<n { sum -= m[row][k] * x[k] }
            x[row] = sum / m[row][row]
        }
        return x
    }

    /// Least squares through the normal equations `AᵀA x = Aᵀb`, solved by elimination.
    static func leastSquares(_ a: Matrix, _ b: [Double]) -> [Double] {
        let normal = product(a.transposed, a)
        let rightHandSide = product(a.transposed, b)
        return solve(normal, rightHandSide)
    }
}

/// A deterministic pseudo-random matrix with entries in [-1, 1] (SplitMix64).
func sampleMatrix(rows: Int, columns: Int, seed: UInt64) -> Matrix {
    var state = seed
    func next() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53) * 2 - 1
    }
    return Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in next() })
}

/// Largest elementwise difference relative to the largest magnitude of the reference.
func relativeError(_ actual: [Double], _ expected: [Double]) -> Double {
    precondition(actual.count == expected.count)
    let scale = max(expected.map(abs).max() ?? 0, Double.leastNormalMagnitude)
    return zip(actual, expected).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}
