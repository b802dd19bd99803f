import FleetUnits

/// One dated price with its source: a purchase, a rental rate, a tariff, a facility figure or an API
/// price.
public struct PriceItem: Codable, Sendable, Identifiable, Sourced {
    public let id: String
    /// What the item is, in words (`AWS p5.48xlarge on-demand`).
    public let name: String?
    public let kind: PriceKind
    public let value: PriceValue
    /// Accelerator id (purchase and rent).
    public let hardware: String?
    /// Devices the price covers (8 for an 8-GPU server).
    public let devices: Int?
    /// Model id (API).
    public let model: String?
    public let provider: String?
    public let region: String?
    public let date: String?
    public let sources: [Source]
    public let note: String?

    enum CodingKeys: String, CodingKey {
        case id, name, kind, hardware, devices, model, provider, region, date, sources, note
        case price, ratio, years, input, output, cachedInput = "cached_input"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        kind = try container.decode(PriceKind.self, forKey: .kind)
        hardware = try container.decodeIfPresent(String.self, forKey: .hardware)
        devices = try container.decodeIfPresent(Int.self, forKey: .devices)
        model = try container.decodeIfPresent(String.self, forKey: .model)
        provider = try container.decodeIfPresent(String.self, forKey: .provider)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        date = try container.decodeIfPresent(LenientText.self, forKey: .date)?.text
        sources = try container.decode([Source].self, forKey: .sources)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        value = try PriceItem.decodeValue(kind: kind, from: container)
    }

    private static func decodeValue(kind: PriceKind, from container: KeyedDecodingContainer<CodingKeys>) throws -> PriceValue {
        switch kind {
        case .purchase:
            return try container.decodeIfPresent(Money.self, forKey: .price).map(PriceValue.purchase) ?? .unavailable
        case .rentOnDemand, .rentReserved1Year, .rentReserved3Year:
            return try container.decodeIfPresent(Price<PerHour>.self, forKey: .price).map(PriceValue.hourly) ?? .unavailable
        case .electricity:
            return try container.decodeIfPresent(Price<PerKilowattHour>.self, forKey: .price).map(PriceValue.energy) ?? .unavailable
        case .colocation:
            return try container.decodeIfPresent(Price<PerKilowattMonth>.self, forKey: .price).map(PriceValue.colocation)
                ?? .unavailable
        case .pue:
            return try container.decodeIfPresent(Double.self, forKey: .ratio).map(PriceValue.ratio) ?? .unavailable
        case .usefulLife:
            return try container.decodeIfPresent(Double.self, forKey: .years).map(PriceValue.years) ?? .unavailable
        case .api:
            guard let input = try container.decodeIfPresent(Price<PerMillionTokens>.self, forKey: .input),
                  let output = try container.decodeIfPresent(Price<PerMillionTokens>.self, forKey: .output)
            else { return .unavailable }
            let cached = try container.decodeIfPresent(Price<PerMillionTokens>.self, forKey: .cachedInput)
            return .api(input: input, output: output, cachedInput: cached)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(hardware, forKey: .hardware)
        try container.encodeIfPresent(devices, forKey: .devices)
        try container.encodeIfPresent(model, forKey: .model)
        try container.encodeIfPresent(provider, forKey: .provider)
        try container.encodeIfPresent(region, forKey: .region)
        try container.encodeIfPresent(date, forKey: .date)
        switch value {
        case let .purchase(money): try container.encode(money, forKey: .price)
        case let .hourly(price): try container.encode(price, forKey: .price)
        case let .energy(price): try container.encode(price, forKey: .price)
        case let .colocation(price): try container.encode(price, forKey: .price)
        case let .ratio(ratio): try container.encode(ratio, forKey: .ratio)
        case let .years(years): try container.encode(years, forKey: .years)
        case let .api(input, output, cached):
            try container.encode(input, forKey: .input)
            try container.encode(output, forKey: .output)
            try container.encodeIfPresent(cached, forKey: .cachedInput)
        case .unavailable: break
        }
        try container.encode(sources, forKey: .sources)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
