import FleetProfiles

/// A validated scenario together with the form the user wrote it in.
public struct ScenarioDocument: Sendable {
    /// The scenario as written, schema defaults filled.
    public let scenario: Scenario
    /// The scenario with every default resolved (engine scheduling settings included).
    public let effective: Scenario

    /// Loads, validates and resolves the scenario at `path`.
    /// - Throws: ``DiagnosticList``.
    public static func load(path: String, catalog: ProfileCatalog) throws(DiagnosticList) -> ScenarioDocument {
        try ScenarioDocument(document: Document(contentsOf: path), catalog: catalog)
    }

    /// Parses, validates and resolves scenario text; `file` names it in messages (a `.json` suffix means
    /// strict JSON).
    /// - Throws: ``DiagnosticList``.
    public static func load(text: String, file: String, catalog: ProfileCatalog) throws(DiagnosticList) -> ScenarioDocument {
        try ScenarioDocument(document: Document(text: text, file: file), catalog: catalog)
    }

    /// Validates and resolves a parsed document.
    init(document: Document, catalog: ProfileCatalog) throws(DiagnosticList) {
        let scenario = try document.decode(Scenario.self)
        var validator = ScenarioValidator(scenario: scenario, catalog: catalog, document: document)
        validator.validate()
        guard validator.diagnostics.isEmpty else { throw DiagnosticList(validator.diagnostics) }
        self.scenario = scenario
        effective = ScenarioLoader.resolve(scenario, catalog: catalog)
    }

    /// YAML of the scenario, or of the effective scenario, keys in schema order.
    public func yaml(effective: Bool) throws -> String {
        try YAMLOutput.encode(effective ? self.effective : scenario)
    }
}
