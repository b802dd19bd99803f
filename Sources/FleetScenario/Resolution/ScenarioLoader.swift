import FleetProfiles
import FleetUnits

/// Reads a scenario file, reports every problem in one pass, and resolves what the file leaves to
/// profiles (each deployment's engine scheduling defaults).
public enum ScenarioLoader {
    /// Loads and validates the scenario at `path`.
    /// - Throws: ``DiagnosticList`` — every problem of the file, each `file:line:column: error: message`.
    public static func load(path: String, catalog: ProfileCatalog) throws(DiagnosticList) -> Scenario {
        try load(document: Document(contentsOf: path), catalog: catalog)
    }

    /// Loads and validates scenario text; `file` names it in messages (a `.json` suffix means strict JSON).
    public static func load(text: String, file: String, catalog: ProfileCatalog) throws(DiagnosticList) -> Scenario {
        try load(document: Document(text: text, file: file), catalog: catalog)
    }

    static func load(document: Document, catalog: ProfileCatalog) throws(DiagnosticList) -> Scenario {
        try ScenarioDocument(document: document, catalog: catalog).effective
    }

    /// The scenario with every default filled in: scheduling settings a deployment does not override
    /// come from its engine profile.
    public static func resolve(_ scenario: Scenario, catalog: ProfileCatalog) -> Scenario {
        var resolved = scenario
        for index in resolved.deployments.indices {
            guard let engine = catalog.engine(resolved.deployments[index].engine) else { continue }
            let defaults = engine.scheduling
            var scheduling = resolved.deployments[index].scheduling
            scheduling.maxSequences = scheduling.maxSequences ?? defaults.maxSequences
            scheduling.maxBatchedTokens = scheduling.maxBatchedTokens ?? defaults.maxBatchedTokens
            scheduling.chunkedPrefill = scheduling.chunkedPrefill ?? defaults.chunkedPrefill
            scheduling.prefixCaching = scheduling.prefixCaching ?? defaults.prefixCaching
            scheduling.kvBlockSize = scheduling.kvBlockSize ?? defaults.kvBlockSize
            scheduling.memoryFraction = scheduling.memoryFraction ?? defaults.memoryFraction
            resolved.deployments[index].scheduling = scheduling
        }
        for index in resolved.options.indices where resolved.options[index].deployment != nil {
            resolved.options[index].acquisition = resolved.options[index].acquisition ?? .own
        }
        return resolved
    }
}
