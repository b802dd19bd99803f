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

    /// Least squares through the normal equations `AᵀA x = Aᵀb`, solved by elimination (accurate to
    /// about cond(A)² · ε).
    static func leastSquares(_ a: Matrix, _ b: [Double]) -> [Double] {
        let normal = product(a.transposed, a)
        let rightHandSide = product(a.transposed, b)
        return solve(normal, rightHandSide)
    }

    /// Least squares by textbook Householder QR and back substitution (accurate to about cond(A) · ε).
    static func householderLeastSquares(_ a: Matrix, _ b: [Double]) -> [Double] {
        let m = a.rows, n = a.columns
        var r = (0..<m).map { a.row($0) }
        var y = b
        for k in 0..<n {
            var norm = 0.0
            for i in k..<m { norm += r[i][k] * r[i][k] }
            norm = norm.squareRoot()
            let alpha = r[k][k] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: m)
            v[k] = r[k][k] - alpha
            for i in (k + 1)..<m { v[i] = r[i][k] }
            var vNorm = 0.0
            for i in k..<m { vNorm += v[i] * v[i] }
            guard vNorm > 0 else { continue }
            for j in k..<n {
                var dot = 0.0
                for i in k..<m { dot += v[i] * r[i][j] }
                for i in k..<m { r[i][j] -= 2 * dot / vNorm * v[i] }
            }
            var dot = 0.0
            for i in k..<m { dot += v[i] * y[i] }
            for i in k..<m { y[i] -= 2 * dot / vNorm * v[i] }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = y[row]
            for k in (row + 1)..<n { sum -= r[row][k] * x[k] }
            x[row] = sum / r[row][row]
        }
        return x
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
