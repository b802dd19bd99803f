import Foundation
import FleetProfiles
import FleetScenario
import FleetUnits

/// `fleetsim plan` output: the candidates as a table (frontier first, then by served tokens), and as JSON
/// with every figure's unit.
public enum PlanReport {
    /// Frontier candidates first (most served tokens first), then the other feasible ones, then the infeasible.
    public static func ordered(_ candidates: [PowerPlan.Candidate]) -> [PowerPlan.Candidate] {
        candidates.sorted { a, b in
            func rank(_ candidate: PowerPlan.Candidate) -> Int { candidate.infeasible != nil ? 2 : candidate.onFrontier ? 0 : 1 }
            if rank(a) != rank(b) { return rank(a) < rank(b) }
            if a.servedOutputTokensPerSecond != b.servedOutputTokensPerSecond { return a.servedOutputTokensPerSecond > b.servedOutputTokensPerSecond }
            return a.name < b.name
        }
    }

    public static func table(_ candidates: [PowerPlan.Candidate], scenario: Scenario) -> String {
        let currency = scenario.currency.code
        var text = ""
        if let budget = scenario.budget {
            var parts = ["\(UnitFormatter.number(budget.power.value / 1e6)) MW facility power (IT × PUE \(UnitFormatter.number(scenario.finance.owning.pue)))"]
            if let capex = budget.capex { parts.append("capex \(capex)") }
            if let racks = budget.racks, let rackPower = budget.rackPower { parts.append("\(racks) racks of \(rackPower)") }
            text += "budget: " + parts.joined(separator: ", ") + "; model \(scenario.plan?.model ?? "-"); "
                + "latency objective at p\(UnitFormatter.number(scenario.workload.slo.percentile))\n"
        }
        let rows = ordered(candidates).map { candidate -> [String] in
            guard candidate.infeasible == nil, let power = candidate.power else {
                return [candidate.name, candidate.engine, "-", "-", "-", "-", "-", "-", "-", "-", "-", "no: " + (candidate.infeasible ?? "")]
            }
            return [candidate.name, candidate.engine, "\(candidate.replicas) (\(candidate.limitedBy))", "\(candidate.devices)",
                    String(format: "%.2f", candidate.capacityPerReplica),
                    String(format: "%.0f", candidate.servedOutputTokensPerSecond),
                    String(format: "%.1f", candidate.provisionedPower.value / 1000),
                    String(format: "%.0f", power.outputTokensPerSecondPerProvisionedMegawatt),
                    String(format: "%.3f", power.joulesPerOutputToken) + (power.averageIsUpperBound ? "*" : ""),
                    candidate.costPerMillionTokens.map { String(format: "%.3f", $0) } ?? "no price",
                    candidate.capex.map { String(format: "%.0f", $0) } ?? "-",
                    candidate.onFrontier ? "frontier" : "yes"]
        }
        text += TextTable(header: ["candidate", "engine", "replicas (bound)", "devices", "requests/s per replica",
                                   "served output tokens/s", "provisioned kW", "tokens/s per provisioned MW", "J/output token",
                                   "\(currency)/Mtok", "capex (\(currency))", "fits"], rows: rows).render()
        if candidates.contains(where: { $0.power?.averageIsUpperBound ?? false }) {
            text += "*: no sourced idle power, so energy per token is at provisioned power (an upper bound)\n"
        }
        return text
    }

    public static func json(_ candidates: [PowerPlan.Candidate], scenario: Scenario, toolVersion: String) throws -> String {
        struct Figure: Encodable { let value: Double; let unit: String }
        struct Entry: Encodable {
            let name: String, hardware: String, engine: String, precision: String, tensor: Int
            let powerCap: Figure?
            let feasible: Bool
            let reason: String?
            let onFrontier: Bool
            let replicas: Int
            let limitedBy: String?
            let metrics: [String: Figure]
            enum CodingKeys: String, CodingKey {
                case name, hardware, engine, precision, tensor, powerCap = "power_cap", feasible, reason, onFrontier = "on_frontier", replicas
                case limitedBy = "limited_by", metrics
            }
        }
        struct Document: Encodable {
            let schema = "fleetsim-plan"
            let schemaVersion = 1
            let toolVersion: String
            let seed: UInt64
            let scenario: Scenario
            let candidates: [Entry]
            enum CodingKeys: String, CodingKey {
                case schema, schemaVersion = "schema_version", toolVersion = "tool_version", seed, scenario, candidates
            }
        }
        let currency = scenario.currency.code
        let entries = ordered(candidates).map { candidate -> Entry in
            var metrics: [String: Figure] = [:]
            if candidate.infeasible == nil, let power = candidate.power {
                metrics["capacity_per_replica"] = Figure(value: candidate.capacityPerReplica, unit: "requests/s")
                metrics["served_request_rate"] = Figure(value: candidate.servedRequestRate, unit: "requests/s")
                metrics["served_output_tokens_per_second"] = Figure(value: candidate.servedOutputTokensPerSecond, unit: "tokens/s")
                metrics["provisioned_power"] = Figure(value: candidate.provisionedPower.value / 1000, unit: "kW")
                metrics["average_power"] = Figure(value: candidate.averagePower.value / 1000, unit: "kW")
                metrics["tokens_per_provisioned_megawatt"] = Figure(value: power.outputTokensPerSecondPerProvisionedMegawatt, unit: "tokens/s/MW")
                metrics["joules_per_output_token"] = Figure(value: power.joulesPerOutputToken, unit: "J/token")
                if let cost = candidate.costPerMillionTokens { metrics["cost_per_mtok"] = Figure(value: cost, unit: "\(currency)/Mtok") }
                if let capex = candidate.capex { metrics["capex"] = Figure(value: capex, unit: currency) }
            }
            return Entry(name: candidate.name, hardware: candidate.hardware, engine: candidate.engine, precision: candidate.precision.rawValue,
                         tensor: candidate.tensor, powerCap: candidate.powerCap.map { Figure(value: $0.value, unit: "W") },
                         feasible: candidate.infeasible == nil, reason: candidate.infeasible, onFrontier: candidate.onFrontier,
                         replicas: candidate.replicas, limitedBy: candidate.infeasible == nil ? candidate.limitedBy : nil, metrics: metrics)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(toolVersion: toolVersion, seed: scenario.seed, scenario: scenario, candidates: entries)),
                      as: UTF8.self) + "\n"
    }
}
