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
    public func model(_ id: String) -> ModelProfile? { models.first { $0.id == id } }
    public func engine(_ id: String) -> EngineProfile? { engines.first { $0.id == id } }
    public func priceSheet(_ id: String) -> PriceSheet? { priceSheets.first { $0.id == id } }
    /// All price items of all sheets.
    public var priceItems: [PriceItem] { priceSheets.flatMap(\.items) }

    /// Loads `hardware/`, `models/`, `engines/` and `prices/` under `directory` (`*.yaml`, in name order).
    /// - Throws: ``DiagnosticList`` with every problem of every file.
    public static func load(from directory: String) throws(DiagnosticList) -> ProfileCatalog {
        var diagnostics: [Diagnostic] = []
        var documents: [ProfileKind: [(id: String, document: Document)]] = [:]
        for kind in ProfileKind.allCases {
            let folder = (directory as NSString).appendingPathComponent(kind.rawValue)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".yaml") }.sorted()
            if names.isEmpty {
                diagnostics.append(Diagnostic("no profiles (*.yaml) found", at: SourceLocation(file: folder)))
            }
            for name in names {
                let path = (folder as NSString).appendingPathComponent(name)
                do {
                    documents[kind, default: []].append((String(name.dropLast(5)), try Document(contentsOf: path)))
                } catch {
                    diagnostics += error.diagnostics
                }
            }
        }
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
        for (profile, validator) in hardware { var v = validator; v.check(profile); diagnostics += v.diagnostics }
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
        // Dataset sheets are optional.
        var datasetSheets: [DatasetSheet] = []
        let datasetFolder = (directory as NSString).appendingPathComponent("datasets")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: datasetFolder)) ?? []).filter({ $0.hasSuffix(".yaml") }).sorted() {
            do {
                let document = try Document(contentsOf: (datasetFolder as NSString).appendingPathComponent(name))
                let sheet = try document.decode(DatasetSheet.self)
                var validator = ProfileValidator(document: document, expectedID: String(name.dropLast(5)))
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
        // The power-cap curve is optional.
        var powerCapCurve: PowerCapCurve?
        let curvePath = (directory as NSString).appendingPathComponent("calibration/power-cap.yaml")
        if FileManager.default.fileExists(atPath: curvePath) {
            do {
                let document = try Document(contentsOf: curvePath)
                let curve = try document.decode(PowerCapCurve.self)
                var validator = ProfileValidator(document: document, expectedID: "")
                validator.checkSources(curve, at: DocumentPath())
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
}
