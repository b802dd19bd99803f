import FleetLinearAlgebra
import FleetProfiles
import FleetUnits

/// Evaluates sweep points: points that share a deployment compile one ``StepModel`` and all their batch
/// states are timed in one BLAS pass (prefill chunks and a decode step at the mean context per point).
public struct SweepEvaluator: Sendable {
    public let catalog: ProfileCatalog
    public let efficiencies: KernelEfficiencies
    public let engine: String

    public init(catalog: ProfileCatalog, efficiencies: KernelEfficiencies, engine: String) {
        self.catalog = catalog
        self.efficiencies = efficiencies
        self.engine = engine
    }

    /// Outcomes in the order of `points`.
    public func evaluate(_ points: [SweepPoint]) -> [SweepOutcome] {
        var outcomes = [SweepOutcome?](repeating: nil, count: points.count)
        struct DeploymentKey: Hashable {
            let hardware: String, model: String, weights: Precision, activations: Precision, kv: Precision, tp: Int
        }
        let groups = Dictionary(grouping: points.indices) { index in
            let point = points[index]
            return DeploymentKey(hardware: point.hardware, model: point.model, weights: point.weights,
                                 activations: point.activations, kv: point.kvCache, tp: point.tensorParallel)
        }
        for (key, indices) in groups {
            let prepared: (StepModel, MemoryPlan)
            do {
                let spec = try DeploymentSpec.resolve(
                    model: key.model, hardware: key.hardware, engine: engine, catalog: catalog, efficiencies: efficiencies,
                    weights: key.weights, activations: key.activations, kvCache: key.kv, tensorParallel: key.tp)
                prepared = (try StepModel(spec: spec), try MemoryPlan(spec: spec))
            } catch {
                for index in indices { outcomes[index] = .infeasible(reason: error.message) }
                continue
            }
            let (model, memory) = prepared
            // Rows of Φ: for each point, its prefill steps then one decode step.
            var rows: [[Double]] = []
            var layout: [(index: Int, prefillRows: Range<Int>, decodeRow: Int?)] = []
            for index in indices {
                let point = points[index]
                let needed = point.batch * (point.inputTokens + point.outputTokens)
                guard needed <= memory.kvCapacityTokens else {
                    outcomes[index] = .infeasible(reason: "KV cache holds \(memory.kvCapacityTokens) tokens, the batch needs \(needed)")
                    continue
                }
                let start = rows.count
                for state in Self.prefillStates(batch: point.batch, input: point.inputTokens, budget: model.spec.maxBatchedTokens) {
                    rows.append(model.features(of: state))
                }
                let prefill = start..<rows.count
                var decodeRow: Int?
                if point.outputTokens > 1 {
                    decodeRow = rows.count
                    rows.append(model.features(of: .decode(batch: point.batch, context: point.inputTokens + point.outputTokens / 2)))
                }
                layout.append((index, prefill, decodeRow))
            }
            guard !rows.isEmpty else { continue }
            let times = model.stepTimes(Matrix(rows))
            for (index, prefillRows, decodeRow) in layout {
                let point = points[index]
                let ttft = prefillRows.reduce(0) { $0 + times[$1] }
                let tpot = decodeRow.map { times[$0] } ?? 0
                let total = ttft + tpot * Double(point.outputTokens - 1)
                let throughput = Double(point.batch * point.outputTokens) / total
                outcomes[index] = .feasible(SweepMetrics(
                    timeToFirstToken: Seconds(ttft), timePerOutputToken: Seconds(tpot), endToEnd: Seconds(total),
                    outputThroughput: TokensPerSecond(throughput),
                    outputThroughputPerDevice: TokensPerSecond(throughput / Double(model.spec.devices)),
                    tokensPerSecondPerUser: TokensPerSecond(tpot > 0 ? 1 / tpot : 0),
                    weightsPerDevice: memory.weights, kvCapacityTokens: memory.kvCapacityTokens))
            }
        }
        return outcomes.map { $0! }
    }

    /// `batch` prompts of `input` tokens in steps of at most `budget` tokens.
    static func prefillStates(batch: Int, input: Int, budget: Int) -> [BatchState] {
        var states: [BatchState] = []
        var current = BatchState(), used = 0
        for _ in 0..<batch {
            var done = 0
            while done < input {
                let take = min(input - done, budget - used)
                current.prefill.append(.init(tokens: take, cached: done, completesPrompt: done + take == input))
                done += take
                used += take
                if used == budget { states.append(current); current = BatchState(); used = 0 }
            }
        }
        if used > 0 { states.append(current) }
        return states
    }
}
