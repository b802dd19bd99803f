/// One accelerator: its datasheet compute, memory, power and links, and the servers it ships in. Loaded
/// from `Profiles/hardware/<id>.yaml`; every value group carries its sources.
public struct HardwareProfile: Codable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let vendor: Vendor
    /// Architecture family, the unit at which efficiencies are fitted (`hopper`, `ascend-910b` …).
    public let family: String
    public let formFactor: String?
    /// Release date or year.
    public let release: String?
    public internal(set) var memory: MemorySpec
    public internal(set) var compute: ComputeSpec
    public internal(set) var power: PowerSpec
    public let interconnect: InterconnectSpec?
    public internal(set) var servers: [ServerSpec]?
    /// The profile of the same silicon at a higher board power, when this part is a lower-power variant of it.
    public let sameSilicon: SameSilicon?
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case id, name, vendor, family, formFactor = "form_factor", release, memory, compute, power, interconnect
        case servers, sameSilicon = "same_silicon_as", note
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        vendor = try container.decode(Vendor.self, forKey: .vendor)
        family = try container.decode(String.self, forKey: .family)
        formFactor = try container.decodeIfPresent(String.self, forKey: .formFactor)
        release = try container.decodeIfPresent(LenientText.self, forKey: .release)?.text
        memory = try container.decode(MemorySpec.self, forKey: .memory)
        compute = try container.decode(ComputeSpec.self, forKey: .compute)
        power = try container.decode(PowerSpec.self, forKey: .power)
        interconnect = try container.decodeIfPresent(InterconnectSpec.self, forKey: .interconnect)
        servers = try container.decodeIfPresent([ServerSpec].self, forKey: .servers)
        sameSilicon = try container.decodeIfPresent(SameSilicon.self, forKey: .sameSilicon)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }

    /// Every sourced group of the profile, with its path, for validation and display.
    public var sourcedGroups: [(path: String, group: any Sourced)] {
        var groups: [(String, any Sourced)] = [("memory", memory)]
        if !compute.dense.isEmpty { groups.append(("compute", compute)) }
        if power.board != nil || power.idle != nil { groups.append(("power", power)) }
        if let scaleUp = interconnect?.scaleUp { groups.append(("interconnect.scale_up", scaleUp)) }
        if let scaleOut = interconnect?.scaleOut { groups.append(("interconnect.scale_out", scaleOut)) }
        for (index, server) in (servers ?? []).enumerated() { groups.append(("servers[\(index)]", server)) }
        if let sameSilicon { groups.append(("same_silicon_as", sameSilicon)) }
        return groups
    }
}

/// Text that YAML may have typed as a number or date (`release: 2022`): kept as written.
struct LenientText: Codable {
    let text: String
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) { text = String(number) } else { text = try container.decode(String.self) }
    }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
