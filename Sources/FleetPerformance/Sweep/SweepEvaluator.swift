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
            let writer = StaticBatchFeatures(model: model)
            let budget = max(1, model.spec.maxBatchedTokens)
            // Blocks of points bound the memory of Φ; each block is one BLAS pass.
            var feasible: [Int] = []
            for index in indices {
                let point = points[index]
                let needed = point.batch * (point.inputTokens + point.outputTokens)
                if needed <= memory.kvCapacityTokens {
                    feasible.append(index)
                } else {
                    outcomes[index] = .infeasible(reason: "KV cache holds \(memory.kvCapacityTokens) tokens, the batch needs \(needed)")
                }
            }
            var start = 0
            while start < feasible.count {
                let block = feasible[start..<min(start + Self.blockSize, feasible.count)]
                start += Self.blockSize
                var rowCount = 0
                for index in block {
                    let point = points[index]
                    rowCount += StaticBatchFeatures.prefillSteps(batch: point.batch, input: point.inputTokens, budget: budget) + 1
                }
                var features = Matrix(rows: rowCount, columns: Feature.count)
                var layout: [(index: Int, firstRow: Int, prefillSteps: Int)] = []
                layout.reserveCapacity(block.count)
                var row = 0
                for index in block {
                    let point = points[index]
                    let steps = StaticBatchFeatures.prefillSteps(batch: point.batch, input: point.inputTokens, budget: budget)
                    writer.writePrefill(into: &features, firstRow: row, batch: point.batch, input: point.inputTokens, budget: budget)
                    writer.writeDecode(into: &features, row: row + steps, batch: point.batch,
                                       context: point.inputTokens + point.outputTokens / 2)
                    layout.append((index, row, steps))
                    row += steps + 1
                }
                let times = model.stepTimes(features)
                for (index, firstRow, steps) in layout {
                    let point = points[index]
                    var ttft = 0.0
                    for step in firstRow..<(firstRow + steps) { ttft += times[step] }
                    let tpot = point.outputTokens > 1 ? times[firstRow + steps] : 0
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
        }
        return outcomes.map { $0! }
    }

    /// Points per BLAS pass (bounds Φ to a few tens of MB).
    static let blockSize = 65_536
}
