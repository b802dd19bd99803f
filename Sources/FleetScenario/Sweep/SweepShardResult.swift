import Foundation
import FleetPerformance
import FleetProfiles

/// The evaluated points of one sweep shard with its manifest: what `fleetsim sweep --shard K/N -o DIR`
/// writes into DIR, and what `fleetsim merge` reads back.
///
/// Two files per shard, `shard-K-of-N.outcomes.json` (the outcomes, lossless; see ``SweepOutcome``'s
/// `Codable` form) and `shard-K-of-N.json` (the ``SweepShardManifest``, naming the outcomes file and its
/// SHA-256). The names are unique per shard, so shards may be written to separate directories or to one.
public struct SweepShardResult: Sendable {
    public let manifest: SweepShardManifest
    /// Outcomes of grid points `manifest.firstPoint ..< manifest.firstPoint + manifest.pointCount`, in order.
    public let outcomes: [SweepOutcome]
    /// The manifest's path when read from disk, else its file name; used in messages.
    public let origin: String
    /// The outcomes file's text, exactly as written (its SHA-256 is in the manifest).
    let outcomesJSON: String

    /// A freshly evaluated shard.
    /// - Parameters:
    ///   - sweepFile: the sweep file's name as given by the user (recorded for messages only).
    ///   - outcomes: the outcomes of `sweep.points(in: shard.pointRange(of: sweep.pointCount))`, in order.
    ///   - inputsSHA256: ``SweepFile/inputsSHA256(catalog:efficiencies:)`` of the evaluation.
    ///   - toolVersion: the fleetsim version, recorded as `fleetsim VERSION`.
    /// - Precondition: there is one outcome per point of the shard.
    public init(sweep: SweepFile, sweepFile: String, shard: SweepShard, outcomes: [SweepOutcome], inputsSHA256: String,
                toolVersion: String) {
        let range = shard.pointRange(of: sweep.pointCount)
        precondition(outcomes.count == range.count, "shard \(shard) of \(sweep.pointCount) points has \(range.count) points, got \(outcomes.count) outcomes")
        let outcomesJSON = Self.encodeOutcomes(outcomes)
        manifest = SweepShardManifest(
            schemaVersion: SweepShardManifest.currentSchemaVersion, tool: "fleetsim \(toolVersion)",
            sweep: .init(file: sweepFile, sha256: sweep.definitionSHA256, points: sweep.pointCount, definition: sweep),
            inputsSHA256: inputsSHA256, shard: shard, firstPoint: range.lowerBound, pointCount: range.count,
            outcomes: .init(file: SweepShardManifest.outcomesFileName(for: shard), sha256: SHA256.hex(outcomesJSON)))
        self.outcomes = outcomes
        self.outcomesJSON = outcomesJSON
        origin = SweepShardManifest.fileName(for: shard)
    }

    private init(manifest: SweepShardManifest, outcomes: [SweepOutcome], origin: String, outcomesJSON: String) {
        self.manifest = manifest
        self.outcomes = outcomes
        self.origin = origin
        self.outcomesJSON = outcomesJSON
    }

    /// The files to write, as (name, contents): the outcomes first and the manifest last, so a run cut short
    /// leaves no manifest and its shard counts as missing rather than as corrupt.
    public var files: [(name: String, contents: String)] {
        [(manifest.outcomes.file, outcomesJSON), (SweepShardManifest.fileName(for: manifest.shard), Self.encodeManifest(manifest))]
    }

    /// Reads a shard from its manifest's text and its outcomes file's text, checking that they belong together.
    /// - Parameters:
    ///   - manifestPath: the manifest's path, for messages.
    ///   - outcomesText: the outcomes file's text, `nil` when it is missing.
    /// - Throws: ``DiagnosticList`` located at the manifest or outcomes file.
    public static func decode(manifestText: String, manifestPath: String, outcomesText: String?,
                              outcomesPath: String) throws(DiagnosticList) -> SweepShardResult {
        func failure(_ message: String, _ path: String) -> DiagnosticList {
            DiagnosticList([Diagnostic(message, at: SourceLocation(file: path))])
        }
        let manifest: SweepShardManifest
        do {
            manifest = try JSONDecoder().decode(SweepShardManifest.self, from: Data(manifestText.utf8))
        } catch {
            throw failure("not a sweep shard manifest written by this fleetsim (\(describe(error)))", manifestPath)
        }
        guard manifest.schemaVersion == SweepShardManifest.currentSchemaVersion else {
            throw failure("shard manifest version \(manifest.schemaVersion) is not supported; this fleetsim reads version "
                          + "\(SweepShardManifest.currentSchemaVersion)", manifestPath)
        }
        guard let outcomesText else {
            throw failure("no such file; the manifest '\(manifestPath)' names it as the shard's outcomes", outcomesPath)
        }
        guard SHA256.hex(outcomesText) == manifest.outcomes.sha256 else {
            throw failure("the outcomes do not match the manifest '\(manifestPath)' (SHA-256 differs); the file was changed "
                          + "or belongs to another run", outcomesPath)
        }
        let outcomes: [SweepOutcome]
        do {
            outcomes = try JSONDecoder().decode([SweepOutcome].self, from: Data(outcomesText.utf8))
        } catch {
            throw failure("cannot read the shard's outcomes (\(describe(error)))", outcomesPath)
        }
        guard outcomes.count == manifest.pointCount else {
            throw failure("holds \(outcomes.count) outcomes; the manifest '\(manifestPath)' says \(manifest.pointCount)", outcomesPath)
        }
        return SweepShardResult(manifest: manifest, outcomes: outcomes, origin: manifestPath, outcomesJSON: outcomesText)
    }

    /// Every shard in `directory` (files named `shard-K-of-N.json` and the outcomes files they name), in file
    /// name order.
    /// - Throws: ``DiagnosticList`` with every problem: a missing directory, one without shards, unreadable
    ///   or mismatched files.
    public static func load(directory: String) throws(DiagnosticList) -> [SweepShardResult] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticList([Diagnostic("no such directory", at: SourceLocation(file: directory))])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter(SweepShardManifest.isManifestFileName).sorted()
        guard !names.isEmpty else {
            throw DiagnosticList([Diagnostic(
                "no sweep shard here (shard-K-of-N.json); shards are written by 'fleetsim sweep FILE --shard K/N -o DIR'",
                at: SourceLocation(file: directory))])
        }
        var shards: [SweepShardResult] = [], problems: [Diagnostic] = []
        for name in names {
            let manifestPath = (directory as NSString).appendingPathComponent(name)
            do throws(DiagnosticList) {
                guard let manifestText = readText(manifestPath) else {
                    throw DiagnosticList([.notUTF8Text(manifestPath)])
                }
                let outcomesName = (try? JSONDecoder().decode(SweepShardManifest.self, from: Data(manifestText.utf8)))?.outcomes.file
                let outcomesPath = (directory as NSString).appendingPathComponent((outcomesName.map { ($0 as NSString).lastPathComponent })
                    ?? name.replacingOccurrences(of: ".json", with: ".outcomes.json"))
                shards.append(try decode(manifestText: manifestText, manifestPath: manifestPath,
                                         outcomesText: readText(outcomesPath), outcomesPath: outcomesPath))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return shards
    }

    private static func readText(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, _): "missing '\(key.stringValue)'"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
             let DecodingError.dataCorrupted(context):
            context.codingPath.isEmpty ? context.debugDescription
                : "at '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default: "\(error)"
        }
    }

    static func encodeOutcomes(_ outcomes: [SweepOutcome]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // One outcome per line: readable, and diffable between runs.
        let lines = outcomes.map { outcome in
            do {
                return String(decoding: try encoder.encode(outcome), as: UTF8.self)
            } catch {
                preconditionFailure("sweep outcomes are finite and always encode: \(error)")
            }
        }
        return "[\n" + lines.joined(separator: ",\n") + "\n]\n"
    }

    static func encodeManifest(_ manifest: SweepShardManifest) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(manifest), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("a shard manifest always encodes: \(error)")
        }
    }
}
