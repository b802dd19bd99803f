import Foundation

/// Every profile of a `Profiles/` directory, loaded and validated.
public struct ProfileCatalog: Sendable {
    public let hardware: [HardwareProfile]
    public let models: [ModelProfile]
    public let engines: [EngineProfile]
    public let priceSheets: [PriceSheet]
    /// Benchmark datasets with published length statistics (optional folder `datasets/`).
    public let datasetSheets: [DatasetSheet]
    /// How a board-power cap slows a device (optional file `calibration/power-cap.yaml`).
    public let powerCapCurve: PowerCapCurve?

    public init(hardware: [HardwareProfile], models: [ModelProfile], engines: [EngineProfile], priceSheets: [PriceSheet],
                datasetSheets: [DatasetSheet] = [], powerCapCurve: PowerCapCurve? = nil) {
        self.hardware = hardware.sorted { $0.id < $1.id }
        self.models = models.sorted { $0.id < $1.id }
        self.engines = engines.sorted { $0.id < $1.id }
        self.priceSheets = priceSheets.sorted { $0.id < $1.id }
        self.datasetSheets = datasetSheets.sorted { $0.id < $1.id }
        self.powerCapCurve = powerCapCurve
    }

    /// The same catalogue with another power-cap curve.
    public func with(powerCapCurve curve: PowerCapCurve?) -> ProfileCatalog {
        ProfileCatalog(hardware: hardware, models: models, engines: engines, priceSheets: priceSheets, datasetSheets: datasetSheets,
                       powerCapCurve: curve)
    }

    /// The dataset with this id, from any dataset sheet.
    public func dataset(_ id: String) -> DatasetProfile? { datasetSheets.flatMap(\.datasets).first { $0.id == id } }

    public func hardware(_ id: String) -> HardwareProfile? { hardware.first { $0.id == id } }

    /// `hardware` with the compute it sustains within its board power: a lower-power variant of another
    /// part (``HardwareProfile/sameSilicon``) is bounded by the power-cap curve
    /// (``PowerCapCurve/sustained(_:sameSiliconAs:)``); any other part, or a catalogue without the curve, is unchanged.
    public func sustained(_ hardware: HardwareProfile) -> HardwareProfile {
        guard let id = hardware.sameSilicon?.hardware, let reference = self.hardware(id), let powerCapCurve else { return hardware }
        return powerCapCurve.sustained(hardware, sameSiliconAs: reference)
    }
    public func model(_ id: String) -> ModelProfile? { models.first { $0.id == id } }
    public func engine(_ id: String) -> EngineProfile? { engines.first { $0.id == id } }
    public func priceSheet(_ id: String) -> PriceSheet? { priceSheets.first { $0.id == id } }
    /// All price items of all sheets.
    public var priceItems: [PriceItem] { priceSheets.flatMap(\.items) }

    /// Loads `hardware/`, `models/`, `engines/` and `prices/` under `directory` (`*.yaml`, in name order), and
    /// the optional `datasets/` and `calibration/power-cap.yaml`.
    /// - Throws: ``DiagnosticList`` with every problem of every file.
    public static func load(from directory: String) throws(DiagnosticList) -> ProfileCatalog {
        var diagnostics: [Diagnostic] = []
        var documents: [ProfileKind: [(id: String, document: Document)]] = [:]
        for kind in ProfileKind.allCases {
            let folder = (directory as NSString).appendingPathComponent(kind.rawValue)
            let files = readDocuments(in: folder, diagnostics: &diagnostics)
            if files.names.isEmpty {
                diagnostics.append(Diagnostic("no profiles (*.yaml) found", at: SourceLocation(file: folder)))
            }
            documents[kind] = files.documents
        }
        // Dataset sheets are optional.
        let datasetFolder = (directory as NSString).appendingPathComponent("datasets")
        var datasetDiagnostics: [Diagnostic] = []
        let datasets = readDocuments(in: datasetFolder, diagnostics: &datasetDiagnostics).documents
        // The power-cap curve is optional.
        var powerCap: Document?
        let curvePath = (directory as NSString).appendingPathComponent("calibration/power-cap.yaml")
        if FileManager.default.fileExists(atPath: curvePath) {
            do { powerCap = try Document(contentsOf: curvePath) } catch { datasetDiagnostics += error.diagnostics }
        }
        let catalog: ProfileCatalog
        do {
            catalog = try load(documents: documents, datasets: datasets, powerCap: powerCap)
        } catch {
            throw DiagnosticList(diagnostics + error.diagnostics + datasetDiagnostics)
        }
        guard diagnostics.isEmpty, datasetDiagnostics.isEmpty else { throw DiagnosticList(diagnostics + datasetDiagnostics) }
        return catalog
    }

    /// Decodes and checks parsed profile files: each kind's documents with the id its file name gives, and
    /// the dataset sheets. Every check of ``load(from:)`` is made here; only reading the files is not.
    /// - Throws: ``DiagnosticList`` with every problem of every document.
    public static func load(documents: [ProfileKind: [(id: String, document: Document)]],
                            datasets: [(id: String, document: Document)] = [], powerCap: Document? = nil) throws(DiagnosticList) -> ProfileCatalog {
        var diagnostics: [Diagnostic] = []
        func decodeAll<T: Codable>(_ kind: ProfileKind, as type: T.Type) -> [(T, ProfileValidator)] {
            var decoded: [(T, ProfileValidator)] = []
            for entry in documents[kind] ?? [] {
                do {
                    let profile = try entry.document.decode(T.self)
                    decoded.append((profile, ProfileValidator(document: entry.document, expectedID: entry.id)))
                } catch {
                    diagnostics += error.diagnostics
                }
            }
            return decoded
        }
        let hardware = decodeAll(.hardware, as: HardwareProfile.self)
        let models = decodeAll(.models, as: ModelProfile.self)
        let engines = decodeAll(.engines, as: EngineProfile.self)
        let sheets = decodeAll(.prices, as: PriceSheet.self)
        let knownHardware = Set(hardware.map(\.0.id)), knownModels = Set(models.map(\.0.id))
        let hardwareByID = Dictionary(hardware.map { ($0.0.id, $0.0) }, uniquingKeysWith: { first, _ in first })
        for (profile, validator) in hardware {
            var v = validator
            v.check(profile)
            v.checkSameSilicon(of: profile, hardware: hardwareByID)
            diagnostics += v.diagnostics
        }
        for (profile, validator) in models { var v = validator; v.check(profile); diagnostics += v.diagnostics }
        for (profile, validator) in engines { var v = validator; v.check(profile); diagnostics += v.diagnostics }
        var itemIDs: [String: SourceLocation] = [:]
        for (sheet, validator) in sheets {
            var v = validator
            v.check(sheet, knownHardware: knownHardware, knownModels: knownModels)
            diagnostics += v.diagnostics
            for (index, item) in sheet.items.enumerated() {
                let location = validator.document.location(of: DocumentPath().appending("items").appending(index).appending("id"))
                if let first = itemIDs[item.id] {
                    diagnostics.append(Diagnostic("duplicate price item id '\(item.id)' (first at \(first))", at: location))
                } else {
                    itemIDs[item.id] = location
                }
            }
        }
        var datasetSheets: [DatasetSheet] = []
        for entry in datasets {
            do {
                let sheet = try entry.document.decode(DatasetSheet.self)
                var validator = ProfileValidator(document: entry.document, expectedID: entry.id)
                validator.checkID(sheet.id)
                for (index, dataset) in sheet.datasets.enumerated() {
                    validator.checkSources(dataset, at: DocumentPath().appending("datasets").appending(index))
                }
                diagnostics += validator.diagnostics
                datasetSheets.append(sheet)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var powerCapCurve: PowerCapCurve?
        if let document = powerCap {
            do {
                let curve = try document.decode(PowerCapCurve.self)
                var validator = ProfileValidator(document: document, expectedID: "")
                validator.checkSources(curve, at: DocumentPath())
                for (index, limit) in curve.publishedLimits.enumerated() {
                    validator.check(limit, at: DocumentPath().appending("published_limits").appending(index), hardware: hardwareByID[limit.hardware])
                }
                diagnostics += validator.diagnostics
                powerCapCurve = curve
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard diagnostics.isEmpty else { throw DiagnosticList(diagnostics) }
        return ProfileCatalog(hardware: hardware.map(\.0), models: models.map(\.0), engines: engines.map(\.0),
                              priceSheets: sheets.map(\.0), datasetSheets: datasetSheets, powerCapCurve: powerCapCurve)
    }

    /// Parses the `*.yaml` files of `folder` in name order, each with its name less `.yaml` as id; parse
    /// problems go to `diagnostics`. A missing folder has no files.
    private static func readDocuments(in folder: String, diagnostics: inout [Diagnostic])
        -> (names: [String], documents: [(id: String, document: Document)]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var documents: [(id: String, document: Document)] = []
        for name in names {
            do {
                documents.append((String(name.dropLast(5)), try Document(contentsOf: (folder as NSString).appendingPathComponent(name))))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return (names, documents)
    }
}
