/// What a price item prices.
public enum PriceKind: String, Codable, Sendable, CaseIterable {
    case purchase
    case rentOnDemand = "rent-on-demand"
    case rentReserved1Year = "rent-reserved-1y"
    case rentReserved3Year = "rent-reserved-3y"
    case electricity, pue, colocation
    case usefulLife = "useful-life"
    case api
}
