import Foundation
import FleetScenario
import FleetServing

/// The comparison as JSON with a versioned schema (`schema_version`): the tool version, the seed, the
/// fully resolved scenario, every metric of every option with its unit, the months, the latency-against-
/// load curve, P(cheaper), break-even months, the tornado and the checks. Keys are sorted, so the same
/// scenario and seed give byte-identical files; numbers are finite by construction (the encoder refuses NaN).
public enum ComparisonJSON {
    /// Bumped whenever a key is renamed or removed (adding keys keeps the version).
    public static let schemaVersion = 1

    public static func render(_ comparison: ScenarioComparison, checks: [CheckOutcome], toolVersion: String) throws -> String {
        let document = Document(comparison, checks: checks, toolVersion: toolVersion)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }

    struct Document: Encodable {
        let schema = "fleetsim-compare"
        let schemaVersion = ComparisonJSON.schemaVersion
        let toolVersion: String
        let seed: UInt64
        let scenario: Scenario
        let options: [Option]
        let monteCarlo: MonteCarlo
        /// `probability_cheaper[a][b]` = P(a's total cash < b's).
        let probabilityCheaper: [String: [String: Double]]
        let breakEven: [String: [String: BreakEven]]
        let checks: [Check]

        enum CodingKeys: String, CodingKey {
            case schema, schemaVersion = "schema_version", toolVersion = "tool_version", seed, scenario, options
            case monteCarlo = "monte_carlo", probabilityCheaper = "probability_cheaper", breakEven = "break_even", checks
        }

        init(_ comparison: ScenarioComparison, checks: [CheckOutcome], toolVersion: String) {
            self.toolVersion = toolVersion
            seed = comparison.scenario.seed
            scenario = comparison.scenario
            let metrics = ComparisonMetric.all(comparison)
            let report = comparison.cost
            let names = comparison.options.map(\.name)
            options = comparison.options.enumerated().map { index, option in
                Option(name: option.name,
                       metrics: Dictionary(uniqueKeysWithValues: metrics.compactMap { metric in
                           switch metric.values[index] {
                           case let .number(value): (metric.key, Metric(value: .number(value), unit: metric.unit))
                           case let .text(text): (metric.key, Metric(value: .text(text), unit: metric.unit))
                           case .missing: nil
                           }
                       }),
                       months: option.cost.months.enumerated().map { month, figures in
                           let band = option.cost.uncertainty.cumulativeCash[month]
                           return Month(month: figures.index, requestRate: figures.requestRate, devices: figures.devices,
                                        cash: figures.cash.amount, cumulativeCash: Band(p10: band.p10, p50: band.p50, p90: band.p90),
                                        economicCost: figures.economicCost.amount, facilityEnergyKilowattHours: figures.energy.kilowattHours,
                                        tokens: figures.tokens)
                       },
                       latencyCurve: option.cost.capacityCurve.map { $0.curve.map(CurvePoint.init) } ?? [],
                       tornado: report.tornado[index].map(TornadoBar.init))
            }
            monteCarlo = MonteCarlo(samples: report.samples, uncertainInputs: report.uncertainInputs)
            probabilityCheaper = Dictionary(uniqueKeysWithValues: names.indices.map { row in
                (names[row], Dictionary(uniqueKeysWithValues: names.indices.filter { $0 != row }.map { (names[$0], report.probabilityCheaper[row][$0]) }))
            })
            breakEven = Dictionary(uniqueKeysWithValues: names.indices.map { row in
                (names[row], Dictionary(uniqueKeysWithValues: names.indices.filter { $0 != row }.map { column in
                    let value = report.breakEven[row][column]
                    return (names[column], BreakEven(month: value.month, p10: value.p10, p50: value.p50, p90: value.p90))
                }))
            })
            self.checks = checks.map { Check(option: $0.option, check: $0.check, value: $0.value, limit: $0.limit, unit: $0.unit, passed: $0.passed) }
        }
    }

    struct Option: Encodable {
        let name: String
        let metrics: [String: Metric]
        let months: [Month]
        let latencyCurve: [CurvePoint]
        let tornado: [TornadoBar]
        enum CodingKeys: String, CodingKey { case name, metrics, months, latencyCurve = "latency_curve", tornado }
    }

    struct Metric: Encodable {
        enum Value: Encodable {
            case number(Double)
            case text(String)
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                switch self {
                case let .number(number): try container.encode(number)
                case let .text(text): try container.encode(text)
                }
            }
        }
        let value: Value
        let unit: String
    }

    struct Band: Encodable {
        let p10: Double
        let p50: Double
        let p90: Double
    }

    struct Month: Encodable {
        let month: Int
        let requestRate: Double
        let devices: Int
        let cash: Double
        let cumulativeCash: Band
        let economicCost: Double
        let facilityEnergyKilowattHours: Double
        let tokens: Double
        enum CodingKeys: String, CodingKey {
            case month, requestRate = "request_rate_per_second", devices, cash, cumulativeCash = "cumulative_cash"
            case economicCost = "economic_cost", facilityEnergyKilowattHours = "facility_energy_kwh", tokens
        }
    }

    /// One probed load of one replica: the latency percentiles in seconds and the throughputs.
    struct CurvePoint: Encodable {
        let requestRate: Double
        let ttftP50: Double
        let ttftP99: Double
        let tpotP50: Double
        let tpotP99: Double
        let e2eP99: Double
        let outputTokensPerSecond: Double
        let meetsObjectives: Bool
        enum CodingKeys: String, CodingKey {
            case requestRate = "request_rate_per_second", ttftP50 = "ttft_p50_s", ttftP99 = "ttft_p99_s", tpotP50 = "tpot_p50_s"
            case tpotP99 = "tpot_p99_s", e2eP99 = "e2e_p99_s", outputTokensPerSecond = "output_tokens_per_second"
            case meetsObjectives = "meets_objectives"
        }
        init(_ point: CapacitySearch.Point) {
            requestRate = point.rate
            ttftP50 = point.metrics.timeToFirstToken.median
            ttftP99 = point.metrics.timeToFirstToken.p99
            tpotP50 = point.metrics.timePerOutputToken.median
            tpotP99 = point.metrics.timePerOutputToken.p99
            e2eP99 = point.metrics.endToEnd.p99
            outputTokensPerSecond = point.metrics.outputThroughput
            meetsObjectives = point.meetsObjectives
        }
    }

    struct TornadoBar: Encodable {
        let input: String
        let inputP10: Double
        let inputP90: Double
        let costPerMillionTokensAtP10: Double
        let costPerMillionTokensAtP90: Double
        enum CodingKeys: String, CodingKey {
            case input, inputP10 = "input_p10", inputP90 = "input_p90", costPerMillionTokensAtP10 = "cost_per_mtok_at_p10", costPerMillionTokensAtP90 = "cost_per_mtok_at_p90"
        }
        init(_ bar: ScenarioCost.TornadoBar) {
            input = bar.input
            inputP10 = bar.inputLow
            inputP90 = bar.inputHigh
            costPerMillionTokensAtP10 = bar.costAtLow
            costPerMillionTokensAtP90 = bar.costAtHigh
        }
    }

    struct MonteCarlo: Encodable {
        let samples: Int
        let uncertainInputs: [String]
        enum CodingKeys: String, CodingKey { case samples, uncertainInputs = "uncertain_inputs" }
    }

    /// Months; null when not within the horizon.
    struct BreakEven: Encodable {
        let month: Int?
        let p10: Int?
        let p50: Int?
        let p90: Int?
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(month, forKey: .month)
            try container.encode(p10, forKey: .p10)
            try container.encode(p50, forKey: .p50)
            try container.encode(p90, forKey: .p90)
        }
        enum CodingKeys: String, CodingKey { case month, p10, p50, p90 }
    }

    struct Check: Encodable {
        let option: String
        let check: String
        let value: Double
        let limit: Double
        let unit: String
        let passed: Bool
    }
}
