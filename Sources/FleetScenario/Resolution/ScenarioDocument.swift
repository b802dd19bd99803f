import FleetProfiles
import FleetServing
import Foundation

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
        var loaded = scenario
        if let reference = scenario.workload.trace {
            let contents = try Self.loadTrace(reference, of: scenario.workload, document: document)
            loaded.workload.trace?.contents = contents
        }
        self.scenario = loaded
        effective = ScenarioLoader.resolve(loaded, catalog: catalog)
    }

    /// Reads the workload's trace file (its path relative to the scenario file) and checks it against the
    /// workload: recorded arrivals when the arrivals replay them, enough requests for `requests`.
    static func loadTrace(_ reference: TraceReference, of workload: Workload, document: Document) throws(DiagnosticList) -> RequestTrace {
        let tracePath = DocumentPath().appending("workload").appending("trace")
        let directory = (document.file as NSString).deletingLastPathComponent
        let path = reference.file.hasPrefix("/") || directory.isEmpty ? reference.file
            : (directory as NSString).appendingPathComponent(reference.file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticList([document.diagnostic("cannot read trace '\(reference.file)': no such file (looked for '\(path)')",
                                                      at: tracePath.appending("file"))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DiagnosticList([document.diagnostic("trace '\(reference.file)' is not UTF-8 text", at: tracePath.appending("file"))])
        }
        let trace = try RequestTrace.parse(text: text, file: path, format: reference.format, benchmark: reference.benchmark)
        var problems: [Diagnostic] = []
        if workload.arrivals.pattern == .trace, !trace.recordsArrivals {
            let note = trace.arrivalNote.map { " (\($0))" } ?? ""
            problems.append(document.diagnostic(
                "trace '\(reference.file)' records no arrival times\(note); replay its lengths with poisson, gamma or constant arrivals",
                at: DocumentPath().appending("workload").appending("arrivals").appending("pattern")))
        }
        if workload.readsTrace, workload.requests > trace.entries.count {
            problems.append(document.diagnostic(
                "'requests' (\(workload.requests)) exceeds the \(trace.entries.count) requests of trace '\(reference.file)'",
                at: DocumentPath().appending("workload").appending("requests")))
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return trace
    }

    /// YAML of the scenario, or of the effective scenario, keys in schema order.
    public func yaml(effective: Bool) throws -> String {
        try YAMLOutput.encode(effective ? self.effective : scenario)
    }
}
