import Foundation
import FleetLinearAlgebra

/// Writes the feature rows of static-batch steps straight into a feature matrix, without building
/// ``BatchState`` values: the sweep's hot path. Gives the same features as ``BatchState/features(window:routedExperts:expertsPerToken:)``.
struct StaticBatchFeatures {
    let window: Int?
    let model: StepModel

    init(model: StepModel) {
        window = model.window
        self.model = model
    }

    /// Steps needed to prefill `batch` prompts of `input` tokens with `budget` tokens per step.
    static func prefillSteps(batch: Int, input: Int, budget: Int) -> Int {
        (batch * input + budget - 1) / budget
    }

    func touched(tokens: Double) -> Double { model.touchedExperts(localTokens: tokens) }

    /// Row `row`: `batch` sequences decoding at `context` tokens.
    func writeDecode(into matrix: inout Matrix, row: Int, batch: Int, context: Int) {
        let b = Double(batch)
        let rows = matrix.rows
        matrix.withUnsafeMutableElements { storage in
            func set(_ feature: Feature, _ value: Double) { storage[feature.rawValue * rows + row] = value }
            set(.constant, 1)
            set(.decodeTokens, b)
            set(.decodeContext, b * Double(context + 1))
            set(.decodeContextWindowed, b * Double(min(context + 1, window ?? Int.max)))
            set(.sampledTokens, b)
            set(.touchedExperts, touched(tokens: b))
        }
    }

    /// Rows `firstRow…`: the prefill steps of `batch` prompts of `input` tokens, `budget` tokens per step.
    func writePrefill(into matrix: inout Matrix, firstRow: Int, batch: Int, input: Int, budget: Int) {
        var row = firstRow, used = 0
        var tokens = 0.0, pairs = 0.0, windowed = 0.0, sampled = 0.0
        func flush(_ matrix: inout Matrix) {
            let rows = matrix.rows, target = row
            let experts = touched(tokens: tokens)
            matrix.withUnsafeMutableElements { storage in
                storage[Feature.constant.rawValue * rows + target] = 1
                storage[Feature.prefillTokens.rawValue * rows + target] = tokens
                storage[Feature.prefillPairs.rawValue * rows + target] = pairs
                storage[Feature.prefillPairsWindowed.rawValue * rows + target] = windowed
                storage[Feature.sampledTokens.rawValue * rows + target] = sampled
                storage[Feature.touchedExperts.rawValue * rows + target] = experts
            }
            row += 1
            used = 0
            tokens = 0; pairs = 0; windowed = 0; sampled = 0
        }
        for _ in 0..<batch {
            var done = 0
            while done < input {
                let take = min(input - done, budget - used)
                let n = Double(take), cached = Double(done)
                tokens += n
                pairs += n * cached + n * (n + 1) / 2
                windowed += BatchState.windowedPairs(tokens: take, cached: done, window: window)
                if done + take == input { sampled += 1 }
                done += take
                used += take
                if used == budget { flush(&matrix) }
            }
        }
        if used > 0 { flush(&matrix) }
    }
}
