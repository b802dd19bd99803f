import FleetUnits
/// One option of a comparison: a deployment acquired some way, or an API offer.
public struct ComparisonOption: Codable, Sendable, Equatable {
    /// How the hardware of a deployment is paid for.
    public enum Acquisition: String, Codable, Sendable, CaseIterable {
        case own
        case rentOnDemand = "rent-on-demand"
        case rentReserved1Year = "rent-reserved-1y"
        case rentReserved3Year = "rent-reserved-3y"
    }

    /// Unique name, shown in reports.
    public var name: String
    /// Deployment name (for own / rent).
    public var deployment: String?
    public var acquisition: Acquisition?
    /// API offer name (instead of a deployment).
    public var api: String?

    /// Owning: the purchase price of one server for this option (instead of `finance.owning.server_price`).
    public var serverPrice: Money?
    /// Owning: the electricity tariff where this option's servers run (instead of `finance.owning.electricity`).
    public var electricity: Price<PerKilowattHour>?
    /// Owning: months from order until the servers serve; the demand meanwhile goes to ``overflow``.
    public var leadTimeMonths: Int?
    /// Owning, hybrid: own a fixed fleet for this base load (requests/s) and send the rest to ``overflow``.
    public var baseRate: Double?
    /// Owning: who serves what the owned fleet does not (peaks above ``baseRate``, months before the servers arrive).
    public var overflow: Overflow?

    /// An API offer, or renting on demand, for the demand an owned fleet does not serve.
    public struct Overflow: Codable, Sendable, Equatable {
        public var api: String?
        /// Only `rent-on-demand`.
        public var acquisition: Acquisition?
        public init(api: String? = nil, acquisition: Acquisition? = nil) {
            self.api = api
            self.acquisition = acquisition
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, deployment, acquisition, api, serverPrice = "server_price", electricity, leadTimeMonths = "lead_time_months"
        case baseRate = "base_rate", overflow
    }

    public init(name: String, deployment: String? = nil, acquisition: Acquisition? = nil, api: String? = nil, serverPrice: Money? = nil,
                electricity: Price<PerKilowattHour>? = nil, leadTimeMonths: Int? = nil, baseRate: Double? = nil, overflow: Overflow? = nil) {
        self.name = name
        self.deployment = deployment
        self.acquisition = acquisition
        self.api = api
        self.serverPrice = serverPrice
        self.electricity = electricity
        self.leadTimeMonths = leadTimeMonths
        self.baseRate = baseRate
        self.overflow = overflow
    }
}
