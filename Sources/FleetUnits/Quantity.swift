/// A physical quantity of one dimension, stored as a `Double` in that dimension's base unit
/// (seconds, bytes, FLOP, bytes/s, FLOP/s, watts, joules, tokens, tokens/s).
///
/// Two quantities add only when they have the same type, so seconds never add to bytes; the products
/// and quotients that make physical sense (`Bytes / BytesPerSecond → Seconds`) are written once, in
/// `Quantity+Arithmetic.swift`.
public protocol Quantity: Comparable, Hashable, Sendable, CustomStringConvertible, Codable {
    /// The magnitude in the dimension's base unit.
    var value: Double { get }
    /// A quantity of `value` base units.
    init(_ value: Double)
    /// What this type measures, for the parser and for messages.
    static var dimension: Dimension { get }
}

extension Quantity {
    /// Zero of this quantity.
    public static var zero: Self { Self(0) }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Self, rhs: Self) -> Self { Self(lhs.value + rhs.value) }
    public static func - (lhs: Self, rhs: Self) -> Self { Self(lhs.value - rhs.value) }
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    public static prefix func - (operand: Self) -> Self { Self(-operand.value) }
    public static func * (lhs: Self, rhs: Double) -> Self { Self(lhs.value * rhs) }
    public static func * (lhs: Double, rhs: Self) -> Self { Self(lhs * rhs.value) }
    public static func / (lhs: Self, rhs: Double) -> Self { Self(lhs.value / rhs) }
    /// The dimensionless ratio of two quantities of the same kind.
    public static func / (lhs: Self, rhs: Self) -> Double { lhs.value / rhs.value }

    /// Whether the magnitude is neither NaN nor infinite.
    public var isFinite: Bool { value.isFinite }

    /// Parses text such as `"3.35 TB/s"` with ``UnitParser``.
    /// - Throws: ``UnitError`` when the text is malformed or carries a unit of another dimension.
    public init(parsing text: String) throws {
        self.init(try UnitParser.parse(text, as: Self.dimension))
    }

    public var description: String { UnitFormatter.format(value, dimension: Self.dimension) }

    /// Decodes from a string with a unit (`"80 GB"`), the form every file uses.
    public init(from decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeParsing(Self.init(parsing:))
    }

    /// Encodes as a string with a unit, the inverse of ``init(from:)``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Elapsed time; base unit seconds.
public struct Seconds: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.time
}

/// An amount of data; base unit bytes.
public struct Bytes: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.information
    /// `count · 2³⁰` bytes.
    public static func gibibytes(_ count: Double) -> Bytes { Bytes(count * 1_073_741_824) }
    /// `count · 10⁹` bytes.
    public static func gigabytes(_ count: Double) -> Bytes { Bytes(count * 1e9) }
}

/// A count of arithmetic operations (a multiply-add is two); base unit FLOP.
public struct FLOPs: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.operations
}

/// Data moved per unit time; base unit bytes per second.
public struct BytesPerSecond: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.bandwidth
}

/// Arithmetic throughput; base unit FLOP per second. Integer-operation rates (TOPS) share this type.
public struct FLOPSRate: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.operationRate
}

/// Power; base unit watts.
public struct Watts: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.power
}

/// Energy; base unit joules.
public struct Joules: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.energy
    /// Energy in kilowatt-hours (`1 kWh = 3.6·10⁶ J`).
    public var kilowattHours: Double { value / 3.6e6 }
}

/// A number of tokens; base unit one token.
public struct Tokens: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.tokens
}

/// Token throughput; base unit tokens per second.
public struct TokensPerSecond: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.tokenRate
}

/// A dimensionless fraction (`0.9`, `"90 %"`); base unit 1.
public struct Ratio: Quantity {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static let dimension = Dimension.ratio

    /// A ratio is written as a plain number.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
