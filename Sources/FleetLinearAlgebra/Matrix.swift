/// A dense matrix of `Double` stored in column-major order, the layout LAPACK expects.
///
/// Element `(row, column)` lives at `storage[column * rows + row]`. Both dimensions may be zero.
public struct Matrix: Equatable, Sendable {
    /// Number of rows (`m`).
    public let rows: Int
    /// Number of columns (`n`).
    public let columns: Int
    /// Column-major elements, `rows * columns` of them.
    public internal(set) var storage: [Double]

    /// A matrix with every element set to `value`.
    /// - Precondition: `rows >= 0`, `columns >= 0`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative, got \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from column-major elements.
    /// - Precondition: `columnMajor.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative, got \(rows)x\(columns)")
        precondition(columnMajor.count == rows * columns,
                     "expected \(rows * columns) elements for a \(rows)x\(columns) matrix, got \(columnMajor.count)")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// A matrix from row-major elements (the order in which one writes a matrix down).
    /// - Precondition: `rowMajor.count == rows * columns`.
    public init(rows: Int, columns: Int, rowMajor: [Double]) {
        precondition(rowMajor.count == rows * columns,
                     "expected \(rows * columns) elements for a \(rows)x\(columns) matrix, got \(rowMajor.count)")
        var storage = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                storage[column * rows + row] = rowMajor[row * columns + column]
            }
        }
        self.init(rows: rows, columns: columns, columnMajor: storage)
    }

    /// A matrix from a list of rows of equal length.
    /// - Precondition: every row has the same number of elements.
    public init(_ rowList: [[Double]]) {
        let columns = rowList.first?.count ?? 0
        precondition(rowList.allSatisfy { $0.count == columns }, "all rows must have \(columns) elements")
        self.init(rows: rowList.count, columns: columns, rowMajor: rowList.flatMap { $0 })
    }

    /// The element at `(row, column)`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "index (\(row), \(column)) out of bounds for a \(rows)x\(columns) matrix")
            return storage[column * rows + row]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                         "index (\(row), \(column)) out of bounds for a \(rows)x\(columns) matrix")
            storage[column * rows + row] = newValue
        }
    }

    /// The elements of one column.
    public func column(_ column: Int) -> ArraySlice<Double> {
        precondition(column >= 0 && column < columns, "column \(column) out of bounds for \(columns) columns")
        return storage[(column * rows)..<((column + 1) * rows)]
    }

    /// The elements of one row.
    public func row(_ row: Int) -> [Double] {
        precondition(row >= 0 && row < rows, "row \(row) out of bounds for \(rows) rows")
        return (0..<columns).map { storage[$0 * rows + row] }
    }

    /// Direct access to the column-major elements, for filling large matrices without per-element bounds checks.
    public mutating func withUnsafeMutableElements<Result>(
        _ body: (inout UnsafeMutableBufferPointer<Double>) throws -> Result
    ) rethrows -> Result {
        try storage.withUnsafeMutableBufferPointer(body)
    }

    /// The transpose, `Aᵀ`.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for column in 0..<columns {
            for row in 0..<rows {
                result.storage[row * columns + column] = storage[column * rows + row]
            }
        }
        return result
    }
}
