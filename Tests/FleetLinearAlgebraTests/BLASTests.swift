import Testing
@testable import FleetLinearAlgebra

/// Awkward sizes around SIMD and blocking boundaries, as faer's tests use.
let awkwardSizes = [1, 15, 16, 17, 127, 128, 129]

struct BLASTests {
    @Test(arguments: awkwardSizes, awkwardSizes)
    func gemmMatchesNaiveProduct(rows: Int, inner: Int) {
        for columns in [1, 16, 129] {
            let a = sampleMatrix(rows: rows, columns: inner, seed: UInt64(rows * 1000 + inner))
            let b = sampleMatrix(rows: inner, columns: columns, seed: UInt64(columns * 7 + inner))
            let expected = Naive.product(a, b)
            let actual = BLAS.product(a, b)
            #expect(relativeError(actual.storage, expected.storage) < 1e-12, "\(rows)x\(inner)x\(columns)")
        }
    }

    @Test(arguments: awkwardSizes)
    func gemmHonoursTransposesAlphaAndBeta(size: Int) {
        let a = sampleMatrix(rows: 17, columns: size, seed: 1)
        let b = sampleMatrix(rows: 15, columns: 17, seed: 2)
        var c = sampleMatrix(rows: size, columns: 15, seed: 3)
        let original = c
        BLAS.gemm(a, b, transposeA: .transposed, transposeB: .transposed, alpha: 2, beta: -0.5, into: &c)
        let reference = Naive.product(a.transposed, b.transposed)
        let expected = zip(reference.storage, original.storage).map { 2 * $0 - 0.5 * $1 }
        #expect(relativeError(c.storage, expected) < 1e-12)
    }

    @Test(arguments: awkwardSizes, awkwardSizes)
    func gemvMatchesNaiveProduct(rows: Int, columns: Int) {
        let a = sampleMatrix(rows: rows, columns: columns, seed: UInt64(rows + 31 * columns))
        let x = sampleMatrix(rows: columns, columns: 1, seed: 99).storage
        #expect(relativeError(BLAS.product(a, x), Naive.product(a, x)) < 1e-12)
        let y = sampleMatrix(rows: rows, columns: 1, seed: 98).storage
        #expect(relativeError(BLAS.product(a, y, transposeA: .transposed), Naive.product(a.transposed, y)) < 1e-12)
    }

    @Test func emptyInnerDimensionGivesZeroProduct() {
        let a = Matrix(rows: 3, columns: 0)
        let b = Matrix(rows: 0, columns: 2)
        #expect(BLAS.product(a, b) == Matrix(rows: 3, columns: 2))
    }

    @Test func matrixLayoutsAgree() {
        let m = Matrix([[1, 2, 3], [4, 5, 6]])
        #expect(m[0, 2] == 3 && m[1, 0] == 4)
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m.transposed == Matrix([[1, 4], [2, 5], [3, 6]]))
        #expect(m.row(1) == [4, 5, 6] && Array(m.column(1)) == [2, 5])
    }
}
