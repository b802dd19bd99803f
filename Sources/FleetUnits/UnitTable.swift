/// Every unit symbol the parser reads, with its dimension and its size in the dimension's base unit.
///
/// Symbols are case-sensitive: `GB` (10⁹ bytes) is not `Gb` (10⁹ bits) and not `GiB` (2³⁰ bytes).
/// `kB` and `KB` both mean 1000 bytes; binary sizes must be written `KiB`, `MiB`, `GiB`, `TiB`.
enum UnitTable {
    struct Entry {
        let dimension: Dimension
        let factor: Double
    }

    static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        func add(_ symbols: [String], _ dimension: Dimension, _ factor: Double) {
            for symbol in symbols { table[symbol] = Entry(dimension: dimension, factor: factor) }
        }
        // Time.
        add(["s", "sec", "second", "seconds"], .time, 1)
        add(["ms"], .time, 1e-3)
        add(["us", "µs", "μs"], .time, 1e-6)
        add(["ns"], .time, 1e-9)
        add(["min", "minute", "minutes"], .time, 60)
        add(["h", "hr", "hour", "hours"], .time, 3600)
        add(["d", "day", "days"], .time, 86_400)
        // Information and bandwidth: decimal and binary byte prefixes, and bits.
        let bytePrefixes: [(String, Double)] = [
            ("", 1), ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15),
            ("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
            ("Pi", 1_125_899_906_842_624),
        ]
        for (prefix, factor) in bytePrefixes {
            add([prefix + "B"], .information, factor)
            add([prefix + "B/s"], .bandwidth, factor)
        }
        add(["byte", "bytes"], .information, 1)
        let bitPrefixes: [(String, Double)] = [("", 1), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)]
        for (prefix, factor) in bitPrefixes {
            add([prefix + "b", prefix + "bit"], .information, factor / 8)
            add([prefix + "b/s", prefix + "bit/s", prefix + "bps"], .bandwidth, factor / 8)
        }
        // Operations and operation rates (TOPS, integer operations, shares the rate dimension).
        let decimalPrefixes: [(String, Double)] = [
            ("", 1), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18),
        ]
        for (prefix, factor) in decimalPrefixes {
            add([prefix + "FLOP", prefix + "FLOPs"], .operations, factor)
            add([prefix + "FLOPS", prefix + "FLOP/s", prefix + "OPS"], .operationRate, factor)
        }
        // Power and energy.
        add(["mW"], .power, 1e-3)
        add(["W"], .power, 1)
        add(["kW"], .power, 1e3)
        add(["MW"], .power, 1e6)
        add(["GW"], .power, 1e9)
        add(["J"], .energy, 1)
        add(["kJ"], .energy, 1e3)
        add(["MJ"], .energy, 1e6)
        add(["GJ"], .energy, 1e9)
        add(["Wh"], .energy, 3600)
        add(["kWh"], .energy, 3.6e6)
        add(["MWh"], .energy, 3.6e9)
        add(["GWh"], .energy, 3.6e12)
        // Tokens.
        add(["token", "tokens", "tok"], .tokens, 1)
        add(["ktok", "k tokens"], .tokens, 1e3)
        add(["Mtok", "M tokens"], .tokens, 1e6)
        add(["Btok", "B tokens"], .tokens, 1e9)
        add(["token/s", "tokens/s", "tok/s"], .tokenRate, 1)
        // Ratios.
        add([""], .ratio, 1)
        add(["%"], .ratio, 0.01)
        return table
    }()
}
