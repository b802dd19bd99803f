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

        // GEMM per family and precision, under the roofline exponent that fits the shaped rows best.
        let memoryEfficiency: (String) -> Double? = { family in
            streamEfficiency[family]?.value ?? FamilyPriors.table[family].flatMap { streamEfficiency[$0.from]?.value }
        }
        let gemm = fitGemms(byFamily, memoryEfficiency: memoryEfficiency)
        let gemmFits = gemm.fits
        let latencies = gemmFits.values.flatMap(\.values).filter(\.shaped).map { Seconds($0.x[1]) }
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
            let sixteenBitPeak: (Row) -> Double = { row in
                ((row.hardware.compute.dense[.bf16] ?? row.hardware.compute.dense[.fp16])?.value ?? .nan) / 1e12
            }
            let attentionRows = familyRows.filter { $0.shape == .attention }
            if !attentionRows.isEmpty { efficiency.attention = meanRatio(attentionRows, reference: sixteenBitPeak) }
            efficiency.servingAttention = AttentionKernelEfficiency.fit(familyRows.compactMap { row in
                guard case let .servingAttention(sequence) = row.shape else { return nil }
                return (row.measurement.value, sixteenBitPeak(row), sequence, row.measurement.rawID)
            })
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
        return KernelEfficiencies(fittedFrom: fittedFrom, families: families, elementwiseFactor: elementwiseFactor, priors: priors,
                                  rooflineExponent: gemm.exponent)
    }

    /// Exponents ``Roofline`` may take in the fit: 1 (no overlap) to 8 in steps of 1/8, and ∞ (`max`).
    static let candidateExponents: [Double] = stride(from: 1.0, through: 8.0, by: 0.125).map { $0 } + [.infinity]

    /// A shaped GEMM row tells the exponent apart when its compute and memory times are within this factor of
    /// each other (at `p = ∞`); elsewhere every exponent predicts nearly the same time.
    static let crossoverRatio = 0.25

    typealias GemmFit = (x: [Double], rows: [String], shaped: Bool)

    /// Fits every family's GEMMs at each candidate exponent and keeps the exponent with the least squared
    /// relative error over the rows near the compute/memory crossover. With no such row the exponent stays
    /// undecided (`nil`: the hard roofline).
    static func fitGemms(_ byFamily: [String: [Row]], memoryEfficiency: (String) -> Double?)
        -> (fits: [String: [String: GemmFit]], exponent: FittedValue?)
    {
        var groups: [(family: String, precision: Precision, rows: [Row], memory: Double?)] = []
        for family in byFamily.keys.sorted() {
            let gemmRows = byFamily[family]!.filter { if case .gemm = $0.shape { true } else { false } }
            for (name, group) in Dictionary(grouping: gemmRows, by: { gemmPrecision($0)?.rawValue ?? "?" }).sorted(by: { $0.key < $1.key }) {
                guard let precision = Precision(rawValue: name) else { continue }
                let usable = group.filter { $0.hardware.compute.dense[precision] != nil }
                if !usable.isEmpty { groups.append((family, precision, usable, memoryEfficiency(family))) }
            }
        }
        func fitAll(exponent: Double) -> [String: [String: GemmFit]] {
            var fits: [String: [String: GemmFit]] = [:]
            for group in groups {
                var shaped = group.rows.contains { if case let .gemm(m, _, _, _) = $0.shape { m != nil } else { false } }
                var fitted = fitGemm(group.rows, precision: group.precision, fitsLatency: shaped,
                                     memoryEfficiency: group.memory, exponent: exponent)
                if shaped, let x = fitted?.x, 1 / x[0] > 1 {
                    // Rows that are all large GEMMs cannot separate t₀ from η (the fit lands above peak): they fix η
                    // alone, and the family takes the median latency of the others.
                    shaped = false
                    fitted = fitGemm(group.rows, precision: group.precision, fitsLatency: false,
                                     memoryEfficiency: group.memory, exponent: exponent)
                }
                if let fit = fitted { fits[group.family, default: [:]][group.precision.rawValue] = (fit.x, fit.rows, shaped) }
            }
            return fits
        }
        // Rows near the crossover, judged at the hard roofline's fit.
        let hard = fitAll(exponent: .infinity)
        var deciding: [(id: String, key: (family: String, precision: String), times: RowTimes)] = []
        for group in groups {
            guard let memory = group.memory, let fit = hard[group.family]?[group.precision.rawValue], fit.shaped else { continue }
            for row in group.rows {
                guard let times = times(of: row, precision: group.precision, memoryEfficiency: memory) else { continue }
                let compute = times.compute * fit.x[0]
                if min(compute, times.memory) >= crossoverRatio * max(compute, times.memory) {
                    deciding.append((row.measurement.rawID, (group.family, group.precision.rawValue), times))
                }
            }
        }
        guard !deciding.isEmpty else { return (hard, nil) }
        var best: (exponent: Double, error: Double, fits: [String: [String: GemmFit]])?
        for exponent in candidateExponents {
            let fits = exponent == .infinity ? hard : fitAll(exponent: exponent)
            var error = 0.0
            for entry in deciding {
                guard let fit = fits[entry.key.family]?[entry.key.precision] else { continue }
                let times = entry.times
                let predicted = Roofline.time(compute: times.compute * fit.x[0], memory: times.memory, exponent: exponent) + fit.x[1]
                error += (predicted / times.measured - 1) * (predicted / times.measured - 1)
            }
            if best == nil || error < best!.error { best = (exponent, error, fits) }
        }
        let chosen = best!
        return (chosen.fits, FittedValue(value: chosen.exponent, rows: deciding.map(\.id).sorted()))
    }

    /// A shaped GEMM row's compute time at `η = 1` (`2mnk / peak`), its memory time at the family's achieved
    /// bandwidth, and its measured time; `nil` for a row of unstated shape.
    typealias RowTimes = (compute: Double, memory: Double, measured: Double)

    static func times(of row: Row, precision: Precision, memoryEfficiency: Double?) -> RowTimes? {
        guard case let .gemm(m?, n?, k?, _) = row.shape, let peak = row.hardware.compute.dense[precision] else { return nil }
        let bandwidth = (row.hardware.memory.bandwidth ?? BytesPerSecond(.infinity)) * (memoryEfficiency ?? .infinity)
        let (compute, memory) = KernelModel.gemmTimes(m: m, n: n, k: k, precision: precision, peak: peak, efficiency: 1,
                                                      bandwidth: bandwidth)
        let measured = 2 * m * n * k / (row.measurement.value * 1e12)
        return (compute.value, memoryEfficiency == nil ? 0 : memory.value, measured)
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

    /// Unknowns `x = [1/η, t₀]` of `t = R(x₀ · 2mnk / peak, bytes / bandwidth) + x₁` (``Roofline`` at
    /// `exponent`, bandwidth at the family's `memoryEfficiency`; without one the memory term is dropped), fitted by
    /// Gauss–Newton on the relative error `t_predicted / t_measured − 1` from the compute-bound linear solution.
    /// A row of unstated shape (a large GEMM) gives `(achieved/peak)·x₀ = 1`. Without `fitsLatency`, `t₀ = 0`
    /// and only `x₀` is fitted.
    static func fitGemm(_ rows: [Row], precision: Precision, fitsLatency: Bool, memoryEfficiency: Double?,
                        exponent: Double) -> (x: [Double], rows: [String])?
    {
        /// A latency that would carry the rows alone (`x₀ ≤ 0`) or a negative one is not physical: fit η alone.
        func efficiencyAlone() -> (x: [Double], rows: [String])? {
            fitGemm(rows, precision: precision, fitsLatency: false, memoryEfficiency: memoryEfficiency, exponent: exponent)
        }
        let shaped = rows.map { times(of: $0, precision: precision, memoryEfficiency: memoryEfficiency) }
        let achievedRatios = rows.map { $0.measurement.value / ($0.hardware.compute.dense[precision]!.value / 1e12) }
        // Residuals and their Jacobian at x.
        func linearized(_ x: [Double]) -> (residuals: [Double], jacobian: [[Double]]) {
            var residuals: [Double] = [], jacobian: [[Double]] = []
            for (index, times) in shaped.enumerated() {
                if let times {
                    let compute = times.compute * x[0]
                    let predicted = Roofline.time(compute: compute, memory: times.memory, exponent: exponent) + x[1]
                    let sensitivity = Roofline.computeSensitivity(compute: compute, memory: times.memory, exponent: exponent)
                    residuals.append(predicted / times.measured - 1)
                    jacobian.append([sensitivity * times.compute / times.measured] + (fitsLatency ? [1 / times.measured] : []))
                } else {
                    residuals.append(achievedRatios[index] * x[0] - 1)
                    jacobian.append(fitsLatency ? [achievedRatios[index], 0] : [achievedRatios[index]])
                }
            }
            return (residuals, jacobian)
        }
        // Start: every row compute-bound, `(x₀ · 2mnk / peak + x₁) / t = 1`, which is linear in x.
        let startSystem = shaped.enumerated().map { index, times -> [Double] in
            guard let times else { return fitsLatency ? [achievedRatios[index], 0] : [achievedRatios[index]] }
            return fitsLatency ? [times.compute / times.measured, 1 / times.measured] : [times.compute / times.measured]
        }
        let ones = [Double](repeating: 1, count: rows.count)
        guard var x = try? LeastSquares.solveMinimumNorm(Matrix(startSystem), ones).coefficients else { return nil }
        if !fitsLatency { x.append(0) }
        if fitsLatency, !(x[0] > 0) { return efficiencyAlone() }
        if memoryEfficiency != nil {
            for _ in 0..<100 {
                let (residuals, jacobian) = linearized(x)
                guard let step = try? LeastSquares.solveMinimumNorm(Matrix(jacobian), residuals.map { -$0 }).coefficients else { break }
                var scale = 1.0
                while x[0] + scale * step[0] <= 0 && scale > 1e-6 { scale /= 2 }
                if x[0] + scale * step[0] <= 0 { break }
                x[0] += scale * step[0]
                if fitsLatency { x[1] += scale * step[1] }
                if abs(step[0]) <= 1e-12 * abs(x[0]) && (!fitsLatency || abs(step[1]) <= 1e-15) { break }
            }
        }
        if fitsLatency, !(x[1] >= 0) || !(x[0] > 0) { return efficiencyAlone() }
        guard x[0] > 0, x[0].isFinite, x[1].isFinite else { return nil }
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
