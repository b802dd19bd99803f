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

    enum CodingKeys: String, CodingKey {
        case computeExponent = "compute_exponent", bandwidthExponent = "bandwidth_exponent", fittedTo = "fitted_to", sources, note
    }

    public init(computeExponent: Double, bandwidthExponent: Double, fittedTo: [Pair] = [], sources: [Source] = [], note: String? = nil) {
        precondition(computeExponent.isFinite && bandwidthExponent.isFinite, "exponents must be finite")
        self.computeExponent = computeExponent
        self.bandwidthExponent = bandwidthExponent
        self.fittedTo = fittedTo
        self.sources = sources
        self.note = note
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

    /// The same curve with another compute exponent (for fitting).
    public func with(computeExponent: Double) -> PowerCapCurve {
        PowerCapCurve(computeExponent: computeExponent, bandwidthExponent: bandwidthExponent, fittedTo: fittedTo, sources: sources, note: note)
    }

    public struct CapError: Error, Equatable, CustomStringConvertible {
        public let message: String
        init(_ message: String) { self.message = message }
        public var description: String { message }
    }
}
