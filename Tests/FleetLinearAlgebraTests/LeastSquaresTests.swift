import Testing
@testable import FleetLinearAlgebra

struct LeastSquaresTests {
    /// dgels and dgelsd against a textbook Householder QR, to 1e-12, on every shape of the grid with at least
    /// two more equations than unknowns (and 1×1). Random square systems can be arbitrarily ill-conditioned,
    /// where no two algorithms agree to 1e-12; the ill-conditioned case has its own test below.
    @Test(arguments: awkwardSizes)
    func qrSolutionMatchesHouseholderTwin(unknowns: Int) throws {
        for equations in awkwardSizes where equations >= unknowns + 2 || (equations == 1 && unknowns == 1) {
            let a = sampleMatrix(rows: equations, columns: unknowns, seed: UInt64(equations * 131 + unknowns))
            let b = sampleMatrix(rows: equations, columns: 1, seed: 7).storage
            let expected = Naive.householderLeastSquares(a, b)
            let qr = try LeastSquares.solve(a, b)
            let svd = try LeastSquares.solveMinimumNorm(a, b)
            #expect(relativeError(qr.coefficients, expected) < 1e-12, "\(equations)x\(unknowns)")
            #expect(relativeError(svd.coefficients, qr.coefficients) < 1e-12, "\(equations)x\(unknowns)")
            #expect(svd.rank == unknowns)
            let fitted = Naive.product(a, qr.coefficients)
            let residual = zip(fitted, b).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            #expect(abs(qr.residualSumOfSquares - residual) <= 1e-10 * max(1, residual))
        }
    }

    @Test func exactSystemIsRecovered() throws {
        // y = 2 + 3x on x = 0...16 (17 points).
        let xs = (0...16).map(Double.init)
        let a = Matrix(xs.map { [1, $0] })
        let solution = try LeastSquares.solve(a, xs.map { 2 + 3 * $0 })
        #expect(relativeError(solution.coefficients, [2, 3]) < 1e-12)
        #expect(solution.residualSumOfSquares < 1e-20)
    }

    /// A Vandermonde matrix in x ∈ [1, 2] of degree 9 has condition number ~1e12: QR still recovers a
    /// polynomial the data came from far better than the normal equations, whose condition is squared.
    @Test func illConditionedVandermondeIsSolvedByQRAndSVD() throws {
        let xs = (0..<40).map { 1 + Double($0) / 39 }
        let degree = 9
        let a = Matrix(xs.map { x in (0...degree).map { pow(x, Double($0)) } })
        let truth = (0...degree).map { Double($0 % 3) - 1 }
        let b = Naive.product(a, truth)
        let qr = try LeastSquares.solve(a, b)
        let svd = try LeastSquares.solveMinimumNorm(a, b)
        #expect(relativeError(Naive.product(a, qr.coefficients), b) < 1e-12)
        #expect(relativeError(Naive.product(a, svd.coefficients), b) < 1e-12)
        #expect(relativeError(qr.coefficients, truth) < 1e-3)
    }

    @Test func rankDeficientProblemGetsMinimumNormSolution() throws {
        // Two identical columns: x1 + x2 is determined, the minimum-norm split is equal halves.
        let a = Matrix((0..<16).map { [Double($0), Double($0)] })
        let b = (0..<16).map { 4 * Double($0) }
        let svd = try LeastSquares.solveMinimumNorm(a, b, relativeConditionLimit: 1e-12)
        #expect(svd.rank == 1)
        #expect(relativeError(svd.coefficients, [2, 2]) < 1e-12)
        // dgels only notices exact deficiency (a zero on R's diagonal): a zero column.
        let zeroColumn = Matrix((0..<16).map { [Double($0), 0] })
        #expect(throws: LinearAlgebraError.rankDeficient(routine: "dgels", info: 2)) {
            try LeastSquares.solve(zeroColumn, b)
        }
    }

    @Test func fewerEquationsThanUnknownsIsRejected() {
        #expect(throws: LinearAlgebraError.underdetermined(equations: 1, unknowns: 2)) {
            try LeastSquares.solve(Matrix([[1, 2]]), [3])
        }
    }

    @Test(arguments: [1, 15, 16, 17, 127, 128, 129])
    func choleskySolveMatchesElimination(size: Int) throws {
        let g = sampleMatrix(rows: size + 3, columns: size, seed: UInt64(size))
        var spd = Naive.product(g.transposed, g)
        for i in 0..<size { spd[i, i] += 1 }
        let b = sampleMatrix(rows: size, columns: 1, seed: 5).storage
        let x = try SymmetricSolve.positiveDefinite(spd, b)
        #expect(relativeError(x, Naive.solve(spd, b)) < 1e-10)
        #expect(throws: LinearAlgebraError.notPositiveDefinite(info: 1)) {
            try SymmetricSolve.positiveDefinite(Matrix(rows: size, columns: size, repeating: -1), b)
        }
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    for _ in 0..<Int(exponent) { result *= base }
    return result
}
