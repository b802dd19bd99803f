import FleetProfiles
import FleetUnits

/// What a hardware family achieves in practice, fitted to published kernel microbenchmarks
/// (`Profiles/calibration/kernels.yaml`, written by `fleetsim calibrate --kernels`). Every fitted number
/// lists the measurement rows (`raw_id`) it came from; a family without rows names the family whose
/// numbers it borrows.
public struct KernelEfficiencies: Codable, Sendable, Equatable {
    /// Where the rows came from (file name) and the calibration's own date.
    public var fittedFrom: String
    public var families: [String: FamilyEfficiency]
    /// Achieved bandwidth of framework elementwise ops (e.g. `torch.exp`) relative to a STREAM-like copy
    /// on the same device, pooled over families that have both.
    public var elementwiseFactor: FittedValue
    /// Families without rows of their own, and the family whose figures they use.
    public var priors: [String: Prior]
    /// `p` of ``Roofline`` (`t = (c^p + m^p)^(1/p)`), pooled over every family's GEMMs of stated shape, with
    /// the rows that decided it. Absent in a file fitted before it existed: such a file's efficiencies
    /// were fitted to the hard roofline `max(c, m)` (`p = ∞`) and are used with it.
    public var rooflineExponent: FittedValue?

    enum CodingKeys: String, CodingKey {
        case fittedFrom = "fitted_from", rooflineExponent = "roofline_exponent", families,
             elementwiseFactor = "elementwise_factor", priors
    }

    public init(fittedFrom: String, families: [String: FamilyEfficiency], elementwiseFactor: FittedValue,
                priors: [String: Prior], rooflineExponent: FittedValue? = nil) {
        self.fittedFrom = fittedFrom
        self.families = families
        self.elementwiseFactor = elementwiseFactor
        self.priors = priors
        self.rooflineExponent = rooflineExponent
    }

    /// Decodes a calibration; an exponent below 1 (which would make a kernel slower than its compute and
    /// memory times added) is refused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        fittedFrom = try container.decode(String.self, forKey: .fittedFrom)
        families = try container.decode([String: FamilyEfficiency].self, forKey: .families)
        elementwiseFactor = try container.decode(FittedValue.self, forKey: .elementwiseFactor)
        priors = try container.decode([String: Prior].self, forKey: .priors)
        rooflineExponent = try container.decodeIfPresent(FittedValue.self, forKey: .rooflineExponent)
        if let exponent = rooflineExponent?.value, !(exponent >= 1) {
            throw DecodingError.dataCorruptedError(forKey: .rooflineExponent, in: container,
                                                   debugDescription: Self.exponentMessage(exponent))
        }
    }

    static func exponentMessage(_ exponent: Double) -> String {
        "'roofline_exponent' must be at least 1 (1 adds compute and memory times, larger values approach their maximum), got \(exponent)"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fittedFrom, forKey: .fittedFrom)
        try container.encodeIfPresent(rooflineExponent, forKey: .rooflineExponent)
        try container.encodeOrdered(families, forKey: .families)
        try container.encode(elementwiseFactor, forKey: .elementwiseFactor)
        try container.encodeOrdered(priors, forKey: .priors)
    }

    /// The efficiencies of `family`: its own fit, else its prior's, with how they were obtained.
    /// The returned efficiencies carry the pooled ``rooflineExponent``.
    public func resolve(family: String) -> (efficiency: FamilyEfficiency, provenance: String)? {
        let exponent = rooflineExponent?.value ?? .infinity
        if var own = families[family] {
            own.rooflineExponent = exponent
            return (own, "fitted for \(family)")
        }
        if let prior = priors[family], var borrowed = families[prior.from] {
            borrowed.rooflineExponent = exponent
            return (borrowed, "prior from \(prior.from): \(prior.reason)")
        }
        return nil
    }
}

/// A fitted number and the rows it came from.
public struct FittedValue: Codable, Sendable, Equatable {
    public var value: Double
    public var rows: [String]
    public init(value: Double, rows: [String]) {
        self.value = value
        self.rows = rows
    }
}

/// A family without kernel rows of its own borrows another's figures.
public struct Prior: Codable, Sendable, Equatable {
    public var from: String
    public var reason: String
    public init(from: String, reason: String) {
        self.from = from
        self.reason = reason
    }
}

/// Kernel efficiencies of one hardware family.
public struct FamilyEfficiency: Codable, Sendable, Equatable {
    /// GEMM efficiency per precision: `t = R(FLOPs / (peak · η), bytes / (bandwidth · η_memory)) + t₀`, with
    /// `R` the ``Roofline`` at ``rooflineExponent``.
    public var gemm: [String: GemmEfficiency]
    /// Achieved fraction of datasheet bandwidth in a STREAM-like copy/triad.
    public var memory: FittedValue?
    /// Achieved fraction of the bf16/fp16 peak in the portable FlashAttention-2 kernel.
    public var attention: FittedValue?
    /// Achieved fraction of the bf16/fp16 peak in the attention kernels written for this architecture
    /// (``KernelShape/servingAttention``): the ones serving engines run, hence the step model's attention
    /// efficiency, with its per-query-tile cost. Fitted from the family's own rows only; without them the step
    /// model uses ``attention``.
    public var servingAttention: AttentionKernelEfficiency?
    /// All-reduce over the scale-up link: `t = α + S_bus / B`.
    public var allreduce: AllReduceEfficiency?
    /// `p` of the ``Roofline`` these efficiencies are used with; set by ``KernelEfficiencies/resolve(family:)``
    /// from the pooled fit (not stored per family).
    public var rooflineExponent: Double = .infinity

    public init(gemm: [String: GemmEfficiency] = [:], memory: FittedValue? = nil, attention: FittedValue? = nil,
                servingAttention: AttentionKernelEfficiency? = nil, allreduce: AllReduceEfficiency? = nil) {
        self.gemm = gemm
        self.memory = memory
        self.attention = attention
        self.servingAttention = servingAttention
        self.allreduce = allreduce
    }

    enum CodingKeys: String, CodingKey { case gemm, memory, attention, servingAttention = "serving_attention", allreduce }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeOrdered(gemm, forKey: .gemm, order: Precision.allCases.map(\.rawValue))
        try container.encodeIfPresent(memory, forKey: .memory)
        try container.encodeIfPresent(attention, forKey: .attention)
        try container.encodeIfPresent(servingAttention, forKey: .servingAttention)
        try container.encodeIfPresent(allreduce, forKey: .allreduce)
    }

    /// The attention efficiency a serving engine reaches: the architecture's own kernels when measured,
    /// else the portable kernel's (with no per-tile cost).
    public var engineAttention: AttentionKernelEfficiency? {
        servingAttention ?? attention.map { AttentionKernelEfficiency(value: $0.value, overheadTokens: 0, rows: $0.rows) }
    }

    /// GEMM efficiency for `precision`, else for any precision the family was fitted at (the efficiency of
    /// the tensor cores varies less across precisions than between families).
    public func gemm(for precision: Precision) -> GemmEfficiency? {
        gemm[precision.rawValue] ?? gemm.sorted { $0.key < $1.key }.first?.value
    }
}

/// GEMM: peak efficiency at large sizes and a fixed latency per kernel (launch, wave tail).
public struct GemmEfficiency: Codable, Sendable, Equatable {
    /// η at large sizes.
    public var peakEfficiency: Double
    /// t₀ per GEMM.
    public var fixedLatency: Seconds
    public var rows: [String]

    enum CodingKeys: String, CodingKey { case peakEfficiency = "peak_efficiency", fixedLatency = "fixed_latency", rows }

    public init(peakEfficiency: Double, fixedLatency: Seconds, rows: [String]) {
        self.peakEfficiency = peakEfficiency
        self.fixedLatency = fixedLatency
        self.rows = rows
    }
}

/// All-reduce on the scale-up domain: `t = α + S_bus / B(n)`, with `S_bus = 2(n−1)/n · S` (the nccl-tests
/// bus-bandwidth convention) and `B` a fitted fraction of the device's scale-up link bandwidth, so that parts
/// of one family with different links (A100 600 GB/s, A800 400 GB/s NVLink) share one fit. On a switched
/// fabric `B = η · L` does not depend on `n`; on a full mesh (HCCS) a device drives `n − 1` of its
/// `domain − 1` peer links: `B(n) = η · (n − 1) · L / (domain − 1)`.
public struct AllReduceEfficiency: Codable, Sendable, Equatable {
    /// η: achieved bus bandwidth over the datasheet link bandwidth per direction.
    public var linkEfficiency: Double
    /// α.
    public var latency: Seconds
    public var rows: [String]

    enum CodingKeys: String, CodingKey { case linkEfficiency = "link_efficiency", latency, rows }

    public init(linkEfficiency: Double, latency: Seconds, rows: [String]) {
        self.linkEfficiency = linkEfficiency
        self.latency = latency
        self.rows = rows
    }

    /// The datasheet bandwidth one all-reduce among `devices` can use on `link`: the whole per-device
    /// bandwidth on a switch, `n − 1` peer links on a full mesh.
    public static func linkBandwidth(_ link: LinkSpec, devices: Int) -> BytesPerSecond? {
        guard let bandwidth = link.bandwidth else { return nil }
        guard link.kind == .hccsMesh else { return bandwidth }
        let peers = Double(max(1, (link.domain ?? 8) - 1))
        return bandwidth * (Double(max(1, devices - 1)) / peers)
    }

    /// Effective bus bandwidth among `devices` devices on `link`.
    public func busBandwidth(devices: Int, link: LinkSpec) -> BytesPerSecond? {
        AllReduceEfficiency.linkBandwidth(link, devices: devices).map { $0 * linkEfficiency }
    }

    /// Time of an all-reduce of `message` bytes among `devices` devices on `link`.
    public func time(message: Bytes, devices: Int, link: LinkSpec) -> Seconds? {
        guard devices > 1 else { return .zero }
        guard let bandwidth = busBandwidth(devices: devices, link: link) else { return nil }
        return latency + message * (2 * Double(devices - 1) / Double(devices)) / bandwidth
    }
}
