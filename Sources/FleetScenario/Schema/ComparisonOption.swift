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

    public init(name: String, deployment: String? = nil, acquisition: Acquisition? = nil, api: String? = nil) {
        self.name = name
        self.deployment = deployment
        self.acquisition = acquisition
        self.api = api
    }
}
