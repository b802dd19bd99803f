import Foundation
import FleetProfiles
import FleetUnits

/// Sweep results as CSV, JSON and a terminal summary. Same points, same bytes.
public enum SweepReport {
    static let header = ["hardware", "model", "scheme", "weights", "activations", "kv_cache", "tp", "batch", "input", "output",
                         "feasible", "ttft_s", "tpot_s", "e2e_s", "output_tokens_per_s", "output_tokens_per_s_per_device",
                         "tokens_per_s_per_user", "weights_per_device_gb", "kv_capacity_tokens", "reason"]

    /// One row per point; numbers with 6 significant digits; infeasible points with their reason.
    public static func csv(points: [SweepPoint], outcomes: [SweepOutcome]) -> String {
        var lines = [header.joined(separator: ",")]
        for (point, outcome) in zip(points, outcomes) {
            var fields = [point.hardware, point.model, point.scheme, point.weights.rawValue, point.activations.rawValue,
                          point.kvCache.rawValue, "\(point.tensorParallel)", "\(point.batch)", "\(point.inputTokens)", "\(point.outputTokens)"]
            switch outcome {
            case let .feasible(metrics):
                fields += ["true"] + numbers(metrics).map(format) + ["\(metrics.kvCapacityTokens)", ""]
            case let .infeasible(reason):
                fields += ["false", "", "", "", "", "", "", "", "", quoted(reason)]
            }
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"schemaVersion": 1, "tool": …, "name": …, "points": [...]}` with sorted keys.
    public static func json(name: String, toolVersion: String, points: [SweepPoint], outcomes: [SweepOutcome]) throws -> String {
        struct Row: Encodable {
            let hardware, model, scheme, weights, activations, kv_cache: String
            let tp, batch, input, output: Int
            let feasible: Bool
            let ttft_s, tpot_s, e2e_s, output_tokens_per_s, output_tokens_per_s_per_device, tokens_per_s_per_user,
                weights_per_device_gb: Double?
            let kv_capacity_tokens: Int?
            let reason: String?
        }
        struct Document: Encodable {
            let schemaVersion: Int
            let tool: String
            let name: String
            let points: [Row]
        }
        let rows = zip(points, outcomes).map { point, outcome -> Row in
            var metrics: [Double]?, capacity: Int?, reason: String?
            switch outcome {
            case let .feasible(values): metrics = numbers(values); capacity = values.kvCapacityTokens
            case let .infeasible(text): reason = text
            }
            return Row(hardware: point.hardware, model: point.model, scheme: point.scheme, weights: point.weights.rawValue,
                       activations: point.activations.rawValue, kv_cache: point.kvCache.rawValue, tp: point.tensorParallel,
                       batch: point.batch, input: point.inputTokens, output: point.outputTokens, feasible: metrics != nil,
                       ttft_s: metrics?[0], tpot_s: metrics?[1], e2e_s: metrics?[2], output_tokens_per_s: metrics?[3],
                       output_tokens_per_s_per_device: metrics?[4], tokens_per_s_per_user: metrics?[5],
                       weights_per_device_gb: metrics?[6], kv_capacity_tokens: capacity, reason: reason)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = try encoder.encode(Document(schemaVersion: 1, tool: "fleetsim \(toolVersion)", name: name, points: rows))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// For each hardware × model × scheme, the point with the most output tokens/s per device, and how many
    /// points were infeasible.
    public static func summary(points: [SweepPoint], outcomes: [SweepOutcome]) -> String {
        struct Key: Hashable { let hardware, model, scheme: String }
        var best: [Key: (SweepPoint, SweepMetrics)] = [:]
        var order: [Key] = []
        var infeasible = 0
        for (point, outcome) in zip(points, outcomes) {
            let key = Key(hardware: point.hardware, model: point.model, scheme: point.scheme)
            if best[key] == nil && !order.contains(key) { order.append(key) }
            guard case let .feasible(metrics) = outcome else { infeasible += 1; continue }
            if let current = best[key], current.1.outputThroughputPerDevice >= metrics.outputThroughputPerDevice { continue }
            best[key] = (point, metrics)
        }
        let rows = order.map { key -> [String] in
            guard let (point, metrics) = best[key] else {
                return [key.hardware, key.model, key.scheme, "-", "-", "infeasible", "-", "-", "-"]
            }
            return [key.hardware, key.model, key.scheme, "\(point.tensorParallel)", "\(point.batch)",
                    UnitFormatter.number(metrics.outputThroughputPerDevice.value.rounded()),
                    UnitFormatter.number(metrics.tokensPerSecondPerUser.value.rounded()),
                    metrics.timeToFirstToken.description, metrics.weightsPerDevice.description]
        }
        let table = TextTable(header: ["hardware", "model", "scheme", "tp", "batch", "tokens/s/device", "tokens/s/user", "TTFT", "weights/device"],
                              rows: rows).render()
        return table + "\(points.count) points, \(points.count - infeasible) feasible, \(infeasible) infeasible (reasons in the CSV and JSON)\n"
    }

    static func numbers(_ metrics: SweepMetrics) -> [Double] {
        [metrics.timeToFirstToken.value, metrics.timePerOutputToken.value, metrics.endToEnd.value, metrics.outputThroughput.value,
         metrics.outputThroughputPerDevice.value, metrics.tokensPerSecondPerUser.value, metrics.weightsPerDevice.value / 1e9]
    }

    static func format(_ value: Double) -> String { String(format: "%.6g", value) }

    static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
