import Foundation
import FleetUnits

/// How a board-power cap slows a device (`Profiles/calibration/power-cap.yaml`).
///
/// A cap below the board power makes the device lower its clocks. With the power headroom
/// `h = (cap − idle) / (board − idle)` (idle 0 where the profile gives none), the attainable compute and
/// memory bandwidth scale as
/// ```
/// compute   × h^computeExponent
/// bandwidth × h^bandwidthExponent
/// ```
/// Dynamic power grows roughly with the cube of the clock (P ∝ f·V², V ∝ f), which alone would give an
/// exponent of 1/3; the shipped exponent is fitted to published capped/uncapped pairs (``fittedTo``).
public struct PowerCapCurve: Codable, Sendable, Sourced {
    /// One published capped/uncapped throughput pair, with the setup that rebuilds it (offline, all requests
    /// at once, on one replica).
    public struct Pair: Codable, Sendable, Equatable {
        public let hardware: String
        public let model: String
        public let engine: String
        /// What was measured, in words.
        public let workload: String
        public let precision: Precision
        public let tensor: Int
        public let inputTokens: Int
        public let outputTokens: Int
        public let cap: Watts
        /// Throughput with the cap over throughput without it.
        public let throughputRatio: Double

        enum CodingKeys: String, CodingKey {
            case hardware, model, engine, workload, precision, tensor, inputTokens = "input_tokens", outputTokens = "output_tokens", cap
            case throughputRatio = "throughput_ratio"
        }
    }

    public let computeExponent: Double
    public let bandwidthExponent: Double
    public let fittedTo: [Pair]
    public let sources: [Source]
    public let note: String?
    /// Power limits that published benchmark runs were made at, each with its own source, so that a
    /// rebuild of such a run applies the cap (``limit(detail:hardware:devices:)``).
    public let publishedLimits: [PublishedPowerLimit]

    enum CodingKeys: String, CodingKey {
        case computeExponent = "compute_exponent", bandwidthExponent = "bandwidth_exponent", fittedTo = "fitted_to", sources, note
        case publishedLimits = "published_limits"
    }

    public init(computeExponent: Double, bandwidthExponent: Double, fittedTo: [Pair] = [], sources: [Source] = [], note: String? = nil,
                publishedLimits: [PublishedPowerLimit] = []) {
        precondition(computeExponent.isFinite && bandwidthExponent.isFinite, "exponents must be finite")
        self.computeExponent = computeExponent
        self.bandwidthExponent = bandwidthExponent
        self.fittedTo = fittedTo
        self.sources = sources
        self.note = note
        self.publishedLimits = publishedLimits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let compute = try container.decode(Double.self, forKey: .computeExponent)
        let bandwidth = try container.decode(Double.self, forKey: .bandwidthExponent)
        for (key, value) in [(CodingKeys.computeExponent, compute), (.bandwidthExponent, bandwidth)] where !value.isFinite {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "must be a finite number")
        }
        self.init(computeExponent: compute, bandwidthExponent: bandwidth,
                  fittedTo: try container.decodeIfPresent([Pair].self, forKey: .fittedTo) ?? [],
                  sources: try container.decodeIfPresent([Source].self, forKey: .sources) ?? [],
                  note: try container.decodeIfPresent(String.self, forKey: .note),
                  publishedLimits: try container.decodeIfPresent([PublishedPowerLimit].self, forKey: .publishedLimits) ?? [])
    }

    /// The power limit a published run with this description, hardware and device count was made at, if the
    /// curve lists one.
    public func limit(detail: String, hardware: String, devices: Int?) -> PublishedPowerLimit? {
        publishedLimits.first { $0.matches(detail: detail, hardware: hardware, devices: devices) }
    }

    /// The power headroom `(cap − idle) / (board − idle)` of `hardware` under `cap`, or a message saying
    /// why the cap cannot apply (no board power, cap above board power or not above idle).
    public static func headroom(of hardware: HardwareProfile, cap: Watts) -> Result<Double, CapError> {
        guard let board = hardware.power.board else {
            return .failure(CapError("'\(hardware.id)' has no sourced board power, so a power cap cannot be applied"))
        }
        guard cap <= board else { return .failure(CapError("power cap \(cap) exceeds the board power of '\(hardware.id)' (\(board))")) }
        let idle = hardware.power.idle ?? .zero
        guard cap > idle else { return .failure(CapError("power cap \(cap) must be above the idle power of '\(hardware.id)' (\(idle))")) }
        return .success((cap.value - idle.value) / (board.value - idle.value))
    }

    /// `hardware` limited to `cap`: board power at the cap, server power lowered by the devices' cut,
    /// compute and bandwidth scaled by the curve.
    public func apply(_ cap: Watts, to hardware: HardwareProfile) -> Result<HardwareProfile, CapError> {
        switch Self.headroom(of: hardware, cap: cap) {
        case let .failure(error): return .failure(error)
        case let .success(headroom):
            let board = hardware.power.board!
            var capped = hardware
            let computeScale = pow(headroom, computeExponent), bandwidthScale = pow(headroom, bandwidthExponent)
            capped.compute = ComputeSpec(dense: hardware.compute.dense.mapValues { FLOPSRate($0.value * computeScale) },
                                         sources: hardware.compute.sources, note: hardware.compute.note)
            capped.memory = MemorySpec(capacity: hardware.memory.capacity, bandwidth: hardware.memory.bandwidth.map { BytesPerSecond($0.value * bandwidthScale) },
                                       technology: hardware.memory.technology, sources: hardware.memory.sources, note: hardware.memory.note)
            capped.power = PowerSpec(board: cap, idle: hardware.power.idle, sources: hardware.power.sources, note: hardware.power.note)
            capped.servers = hardware.servers?.map { server in
                ServerSpec(id: server.id, name: server.name, devices: server.devices,
                           power: server.power.map { Watts($0.value - Double(server.devices) * (board.value - cap.value)) },
                           price: server.price, sources: server.sources, note: server.note)
            }
            return .success(capped)
        }
    }

    /// `hardware`, a lower-power variant of `reference` (``HardwareProfile/sameSilicon``), with each dense
    /// rate bounded by what the reference silicon sustains at `hardware`'s board power:
    /// ```
    /// min(own datasheet rate, reference rate × h^computeExponent),  h = (board − idle) / (reference board − idle)
    /// ```
    /// (idle of the reference, 0 where none is sourced). Unchanged when either board power is unknown or
    /// `hardware`'s is not lower.
    public func sustained(_ hardware: HardwareProfile, sameSiliconAs reference: HardwareProfile) -> HardwareProfile {
        guard let board = hardware.power.board, let referenceBoard = reference.power.board, board < referenceBoard else { return hardware }
        let idle = reference.power.idle ?? .zero
        guard board > idle else { return hardware }
        let scale = pow((board.value - idle.value) / (referenceBoard.value - idle.value), computeExponent)
        var dense = hardware.compute.dense
        var bounded: [String] = []
        for (precision, rate) in dense {
            guard let referenceRate = reference.compute.dense[precision] else { continue }
            let sustained = referenceRate.value * scale
            if sustained < rate.value {
                dense[precision] = FLOPSRate(sustained)
                bounded.append(precision.rawValue)
            }
        }
        guard !bounded.isEmpty else { return hardware }
        var result = hardware
        let note = "\(bounded.sorted().joined(separator: ", ")) sustained at \(board): \(reference.id)'s rate × "
            + "(\(board) / \(referenceBoard))^\(computeExponent) (power-cap curve)"
        result.compute = ComputeSpec(dense: dense, sources: hardware.compute.sources,
                                     note: [hardware.compute.note, note].compactMap { $0 }.joined(separator: "; "))
        return result
    }

    /// The same curve with another compute exponent (for fitting).
    public func with(computeExponent: Double) -> PowerCapCurve {
        PowerCapCurve(computeExponent: computeExponent, bandwidthExponent: bandwidthExponent, fittedTo: fittedTo, sources: sources, note: note,
                      publishedLimits: publishedLimits)
    }

    public struct CapError: Error, Equatable, CustomStringConvertible {
        public let message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }
}
