import FleetProfiles
import FleetUnits

/// What a facility can give a fleet (`budget:` in a scenario, read by `fleetsim plan`): facility power
/// (IT power × PUE), and optionally capital and rack space. A fleet is sized to the tightest of them.
public struct PowerBudget: Codable, Sendable, Equatable {
    /// Facility power available to the fleet (IT × PUE).
    public var power: Watts
    /// Capital available for servers.
    public var capex: Money?
    /// Racks available, each holding servers up to ``rackPower`` of IT power.
    public var racks: Int?
    /// IT power one rack can feed and cool.
    public var rackPower: Watts?

    enum CodingKeys: String, CodingKey { case power, capex, racks, rackPower = "rack_power" }

    public init(power: Watts, capex: Money? = nil, racks: Int? = nil, rackPower: Watts? = nil) {
        self.power = power
        self.capex = capex
        self.racks = racks
        self.rackPower = rackPower
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        power = try container.decode(Watts.self, forKey: .power, orRecord: problems) ?? .zero
        capex = try container.decode(Money.self, forKey: .capex, orRecord: problems)
        racks = try container.decode(Int.self, forKey: .racks, orRecord: problems)
        rackPower = try container.decode(Watts.self, forKey: .rackPower, orRecord: problems)
    }
}

/// The deployments `fleetsim plan` searches (`plan:` in a scenario): every combination of hardware,
/// precision, tensor parallelism and power cap, for one model, each with the first listed engine that
/// runs on the hardware's vendor.
public struct PlanSpace: Codable, Sendable, Equatable {
    public var model: String
    public var hardware: [String]
    /// Engines to use, first match by hardware vendor (`[vllm, vllm-ascend]`).
    public var engines: [String]
    /// Precisions, each for weights, activations and KV cache alike.
    public var precisions: [Precision]
    /// Tensor-parallel degrees (one replica = one tensor-parallel group).
    public var tensor: [Int]
    /// Board-power caps to try; `none` (or an empty list) runs uncapped.
    public var powerCaps: [PowerCapChoice]
    /// Purchase price of one server by hardware id, for hardware whose profile has none.
    public var serverPrices: [String: Money]
    /// Engine settings for every candidate where the engine profile has no sourced default.
    public var scheduling: SchedulingOverrides

    enum CodingKeys: String, CodingKey {
        case model, hardware, engines, precisions, tensor, powerCaps = "power_caps", serverPrices = "server_prices", scheduling
    }

    public init(model: String, hardware: [String], engines: [String], precisions: [Precision], tensor: [Int],
                powerCaps: [PowerCapChoice] = [.none], serverPrices: [String: Money] = [:], scheduling: SchedulingOverrides = SchedulingOverrides()) {
        self.scheduling = scheduling
        self.model = model
        self.hardware = hardware
        self.engines = engines
        self.precisions = precisions
        self.tensor = tensor
        self.powerCaps = powerCaps
        self.serverPrices = serverPrices
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let problems = decoder.problems
        model = try container.decode(String.self, forKey: .model, orRecord: problems) ?? ""
        hardware = try container.decode([String].self, forKey: .hardware, orRecord: problems) ?? []
        engines = try container.decode([String].self, forKey: .engines, orRecord: problems) ?? ["vllm"]
        precisions = try container.decode([Precision].self, forKey: .precisions, orRecord: problems) ?? [.bf16]
        tensor = try container.decode([Int].self, forKey: .tensor, orRecord: problems) ?? [1]
        powerCaps = try container.decode([PowerCapChoice].self, forKey: .powerCaps, orRecord: problems) ?? [.none]
        serverPrices = try container.decode([String: Money].self, forKey: .serverPrices, orRecord: problems) ?? [:]
        scheduling = try container.decode(SchedulingOverrides.self, forKey: .scheduling, orRecord: problems) ?? SchedulingOverrides()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(model, forKey: .model)
        try container.encode(hardware, forKey: .hardware)
        try container.encode(engines, forKey: .engines)
        try container.encode(precisions, forKey: .precisions)
        try container.encode(tensor, forKey: .tensor)
        try container.encode(powerCaps, forKey: .powerCaps)
        try container.encodeOrdered(serverPrices, forKey: .serverPrices)
        if scheduling != SchedulingOverrides() { try container.encode(scheduling, forKey: .scheduling) }
    }
}

/// A power cap to try: `none`, or a board power such as `500 W`.
public enum PowerCapChoice: Codable, Sendable, Equatable, CustomStringConvertible {
    case none
    case cap(Watts)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), text == "none" { self = .none; return }
        self = .cap(try container.decode(Watts.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .none: try container.encode("none")
        case let .cap(watts): try container.encode(watts)
        }
    }

    public var watts: Watts? { if case let .cap(watts) = self { watts } else { nil } }
    public var description: String { watts.map { "\($0)" } ?? "none" }
}
