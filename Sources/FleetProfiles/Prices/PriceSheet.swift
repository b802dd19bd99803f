/// A file of dated prices (`Profiles/prices/<id>.yaml`).
public struct PriceSheet: Codable, Sendable, Identifiable {
    public let id: String
    public let name: String
    public let items: [PriceItem]
    public let note: String?
}
