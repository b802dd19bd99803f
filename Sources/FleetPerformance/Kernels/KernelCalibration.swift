import FleetLinearAlgebra
import FleetProfiles
import FleetUnits

/// Fits ``KernelEfficiencies`` to kernel measurements by linear least squares (FleetLinearAlgebra's
/// `dgels`), one small problem per family and kernel kind. Each equation is weighted by the inverse of the
/// measured time, so that every row counts by its relative error.
public enum KernelCalibration {
    /// A kernel row with its hardware.
    struct Row {
        let measurement: PublishedMeasurement
        let hardware: HardwareProfile
        let shape: KernelShape
        var ratio: Double { measurement.value }
    }

    /// Fits every family that has kernel rows in `measurements`; families without rows get the documented
    /// priors of ``FamilyPriors``.
    public static func fit(_ measurements: [PublishedMeasurement], catalog: ProfileCatalog, fittedFrom: String) -> KernelEfficiencies {
        let rows: [Row] = measurements.compactMap { measurement in
            guard measurement.metric.isKernel, let hardware = catalog.hardware(measurement.hardware),
                  let shape = KernelShape.of(measurement) else { return nil }
            return Row(measurement: measurement, hardware: hardware, shape: shape)
        }
        let byFamily = Dictionary(grouping: rows, by: \.hardware.family)
        var families: [String: FamilyEfficiency] = [:]

        // Memory: STREAM-like efficiency per family; the elementwise factor pooled over families with both.
        var streamEfficiency: [String: FittedValue] = [:]
        var elementwiseRatios: [(ratio: Double, rows: [String])] = []
        for (family, familyRows) in byFamily {
            let memoryRows = familyRows.filter { if case .memory = $0.shape { $0.hardware.memory.bandwidth != nil } else { false } }
            let stream = memoryRows.filter { $0.shape == .memory(elementwise: false) }
            let elementwise = memoryRows.filter { $0.shape == .memory(elementwise: true) }
            if !stream.isEmpty { streamEfficiency[family] = meanRatio(stream) { memoryPeak($0) } }
            if let streamFit = streamEfficiency[family], !elementwise.isEmpty {
                let fit = meanRatio(elementwise) { memoryPeak($0) }
                elementwiseRatios.append((fit.value / streamFit.value, fit.rows + streamFit.rows))
            }
        }
        let elementwiseFactor = FittedValue(
            value: elementwiseRatios.isEmpty ? 1 : elementwiseRatios.map(\.ratio).reduce(0, +) / Double(elementwiseRatios.count),
            rows: elementwiseRatios.flatMap(\.rows).sorted())
        for (family, familyRows) in byFamily where streamEfficiency[family] == nil {
            let elementwise = familyRows.filter { $0.shape == .memory(elementwise: true) && $0.hardware.memory.bandwidth != nil }
            guard !elementwise.isEmpty, !elementwiseRatios.isEmpty else { continue }
            let fit = meanRatio(elementwise) { memoryPeak($0) }
            streamEfficiency[family] = FittedValue(value: fit.value / elementwiseFactor.value, rows: fit.rows + elementwiseFactor.rows)
        }

        // GEMM, attention and all-reduce per family.
        var latencies: [Seconds] = []
        var gemmFits: [String: [String: (x: [Double], rows: [String], shaped: Bool)]] = [:]
        for (family, familyRows) in byFamily {
            let gemmRows = familyRows.filter { if case .gemm = $0.shape { true } else { false } }
            for (precision, group) in Dictionary(grouping: gemmRows, by: { gemmPrecision($0)?.rawValue ?? "?" }) where precision != "?" {
                let usable = group.filter { $0.hardware.compute.dense[Precision(rawValue: precision)!] != nil }
                guard !usable.isEmpty else { continue }
                var shaped = usable.contains { if case let .gemm(m, _, _, _) = $0.shape { m != nil } else { false } }
                var fitted = fitGemm(usable, precision: Precision(rawValue: precision)!, fixedLatency: shaped ? nil : .zero)
                if shaped, let x = fitted?.x, 1 / x[0] > 1 {
                    // Rows that are all large GEMMs cannot separate t₀ from η (the fit lands above peak): they fix η
                    // alone, and the family takes the median latency of the others.
                    shaped = false
                    fitted = fitGemm(usable, precision: Precision(rawValue: precision)!, fixedLatency: .zero)
                }
                if let fit = fitted {
                    gemmFits[family, default: [:]][precision] = (fit.x, fit.rows, shaped)
                    if shaped { latencies.append(Seconds(fit.x[1])) }
                }
            }
        }
        let medianLatency = latencies.isEmpty ? Seconds.zero : latencies.sorted()[latencies.count / 2]
        var allReduceLatencies: [Seconds] = []
        var allReduceFits: [String: AllReduceEfficiency] = [:]
        for (family, familyRows) in byFamily {
            let rows = familyRows.filter { if case .allReduce = $0.shape { true } else { false } }
            if let fit = fitAllReduce(rows, latency: nil) {
                allReduceFits[family] = fit
                if rows.contains(where: { if case let .allReduce(message, _) = $0.shape { message != nil } else { false } }) {
                    allReduceLatencies.append(fit.latency)
                }
            }
        }
        let medianAllReduceLatency = allReduceLatencies.isEmpty ? Seconds.zero : allReduceLatencies.sorted()[allReduceLatencies.count / 2]

        for (family, familyRows) in byFamily {
            var efficiency = FamilyEfficiency(memory: streamEfficiency[family])
            let familyLatency = gemmFits[family]?.values.first(where: \.shaped).map { Seconds($0.x[1]) } ?? medianLatency
            for (precision, fit) in gemmFits[family] ?? [:] {
                let latency = fit.shaped ? Seconds(fit.x[1]) : familyLatency
                efficiency.gemm[precision] = GemmEfficiency(peakEfficiency: 1 / fit.x[0], fixedLatency: latency, rows: fit.rows)
            }
            let attentionRows = familyRows.filter { $0.shape == .attention }
            if !attentionRows.isEmpty {
                efficiency.attention = meanRatio(attentionRows) { row in
                    ((row.hardware.compute.dense[.bf16] ?? row.hardware.compute.dense[.fp16])?.value ?? .nan) / 1e12
                }
            }
            if var allreduce = allReduceFits[family] {
                let shaped = familyRows.contains { if case let .allReduce(message, _) = $0.shape { message != nil } else { false } }
                if !shaped {
                    let rows = familyRows.filter { if case .allReduce = $0.shape { true } else { false } }
                    allreduce = fitAllReduce(rows, latency: medianAllReduceLatency) ?? allreduce
                }
                efficiency.allreduce = allreduce
            }
            families[family] = efficiency
        }
        // A family with rows for some kernels only (vendor GEMM figures, say) borrows the others from its prior.
        var partlyBorrowed: Set<String> = []
        for (family, prior) in FamilyPriors.table {
            guard var own = families[family], let borrowed = families[prior.from],
                  own.memory == nil || own.attention == nil || own.allreduce == nil else { continue }
            own.memory = own.memory ?? borrowed.memory
            own.attention = own.attention ?? borrowed.attention
            own.allreduce = own.allreduce ?? borrowed.allreduce
            families[family] = own
            partlyBorrowed.insert(family)
        }
        let priors = FamilyPriors.table.filter { (families[$0.key] == nil || partlyBorrowed.contains($0.key)) && families[$0.value.from] != nil }
        return KernelEfficiencies(fittedFrom: fittedFrom, families: families, elementwiseFactor: elementwiseFactor, priors: priors)
    }

    static func memoryPeak(_ row: Row) -> Double { (row.hardware.memory.bandwidth?.value ?? .nan) / 1e12 }

    static func gemmPrecision(_ row: Row) -> Precision? {
        if case let .gemm(_, _, _, precision) = row.shape { return precision ?? row.measurement.activationPrecision }
        return nil
    }

    /// Mean of measured / reference over the rows (the least-squares fit of one constant).
    static func meanRatio(_ rows: [Row], reference: (Row) -> Double) -> FittedValue {
        let ratios = rows.map { $0.measurement.value / reference($0) }.filter(\.isFinite)
        return FittedValue(value: ratios.reduce(0, +) / Double(max(1, ratios.count)), rows: rows.map(\.measurement.rawID).sorted())
    }

    /// Unknowns `x = [1/η, t₀]`: a shaped row gives `(achieved/peak)·x₀ + (1/t)·x₁ = 1`, a row of unstated
    /// shape (a large GEMM) gives `(achieved/peak)·x₀ = 1`. With `fixedLatency` given, only `x₀` is fitted.
    static func fitGemm(_ rows: [Row], precision: Precision, fixedLatency: Seconds?) -> (x: [Double], rows: [String])? {
        var equations: [[Double]] = []
        for row in rows {
            let peak = row.hardware.compute.dense[precision]!.value / 1e12
            let achievedRatio = row.measurement.value / peak
            if case let .gemm(m?, n?, k?, _) = row.shape, fixedLatency == nil {
                let time = 2 * m * n * k / (row.measurement.value * 1e12)
                equations.append([achievedRatio, 1 / time])
            } else {
                equations.append(fixedLatency == nil ? [achievedRatio, 0] : [achievedRatio])
            }
        }
        let a = Matrix(equations)
        let ones = [Double](repeating: 1, count: equations.count)
        guard var x = try? LeastSquares.solveMinimumNorm(a, ones).coefficients else { return nil }
        if x.count == 2, x[1] < 0 {  // a negative latency is not physical: refit the efficiency alone
            guard let refit = fitGemm(rows, precision: precision, fixedLatency: .zero) else { return nil }
            x = [refit.x[0], 0]
        } else if x.count == 1 {
            x.append(fixedLatency?.value ?? 0)
        }
        guard x[0] > 0 else { return nil }
        return (x, rows.map(\.measurement.rawID).sorted())
    }

    /// Unknowns `[α, 1/η]`: a row with a message size gives `α/t + (busbw / L)·(1/η) = 1`, with `L` the
    /// row's usable link bandwidth (``AllReduceEfficiency/linkBandwidth(_:devices:)``); a peak-of-sweep row
    /// gives `(busbw / L)·(1/η) = 1`. With `latency` given, only `1/η` is fitted.
    static func fitAllReduce(_ rows: [Row], latency: Seconds?) -> AllReduceEfficiency? {
        var equations: [[Double]] = []
        var used: [String] = []
        for row in rows {
            guard case let .allReduce(message, devices) = row.shape, let link = row.hardware.interconnect?.scaleUp,
                  let usable = AllReduceEfficiency.linkBandwidth(link, devices: devices ?? 8) else { continue }
            let count = Double(devices ?? 8)
            let busBandwidth = row.measurement.value * 1e9
            let relative = busBandwidth / usable.value
            if let message, latency == nil {
                let time = message.value * 2 * (count - 1) / count / busBandwidth
                equations.append([1 / time, relative])
            } else {
                equations.append([0, relative])
            }
            used.append(row.measurement.rawID)
        }
        guard !equations.isEmpty else { return nil }
        let fitLatency = latency == nil && equations.contains { $0[0] != 0 }
        let system = fitLatency ? equations : equations.map { [$0[1]] }
        guard let x = try? LeastSquares.solveMinimumNorm(Matrix(system), [Double](repeating: 1, count: system.count)).coefficients
        else { return nil }
        var alpha = fitLatency ? x[0] : (latency?.value ?? 0)
        var inverseEfficiency = x.last!
        if alpha < 0 {  // not physical: refit the bandwidth alone
            alpha = 0
            let bandwidthOnly = equations.map { [$0[1]] }
            inverseEfficiency = (try? LeastSquares.solveMinimumNorm(Matrix(bandwidthOnly), [Double](repeating: 1, count: bandwidthOnly.count)))?
                .coefficients[0] ?? inverseEfficiency
        }
        guard inverseEfficiency > 0 else { return nil }
        return AllReduceEfficiency(linkEfficiency: 1 / inverseEfficiency, latency: Seconds(alpha), rows: used.sorted())
    }
}
