
/// One profile printed in full as YAML — the same form as its file, with every value normalized and its
/// sources beside it.
public enum ProfileDetail {
    /// The YAML of the profile or price item with this id, or `nil` when no profile has it.
    public static func yaml(of id: String, in catalog: ProfileCatalog) throws -> String? {
        if let profile = catalog.hardware(id) { return try YAMLOutput.encode(profile) }
        if let profile = catalog.model(id) { return try YAMLOutput.encode(profile) }
        if let profile = catalog.engine(id) { return try YAMLOutput.encode(profile) }
        if let sheet = catalog.priceSheet(id) { return try YAMLOutput.encode(sheet) }
        if let item = catalog.priceItems.first(where: { $0.id == id }) { return try YAMLOutput.encode(item) }
        return nil
    }
}
