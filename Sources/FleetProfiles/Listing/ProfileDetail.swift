import Yams

/// One profile printed in full as YAML — the same form as its file, with every value normalized and its
/// sources beside it.
public enum ProfileDetail {
    /// The YAML of the profile or price item with this id, or `nil` when no profile has it.
    public static func yaml(of id: String, in catalog: ProfileCatalog) throws -> String? {
        let encoder = YAMLEncoder()
        encoder.options.sortKeys = false
        encoder.options.width = 110
        if let profile = catalog.hardware(id) { return try encoder.encode(profile) }
        if let profile = catalog.model(id) { return try encoder.encode(profile) }
        if let profile = catalog.engine(id) { return try encoder.encode(profile) }
        if let sheet = catalog.priceSheet(id) { return try encoder.encode(sheet) }
        if let item = catalog.priceItems.first(where: { $0.id == id }) { return try encoder.encode(item) }
        return nil
    }
}
