import Foundation

/// What one forward step processes: prefill chunks and decode tokens of the sequences in the batch.
///
/// Every operator's FLOPs and bytes are linear in ``features(window:routedExperts:expertsPerToken:)``, so
/// a deployment compiles to coefficient matrices and any number of states evaluate as one matrix product.
public struct BatchState: Sendable, Equatable {
    /// A prefill chunk: `tokens` new tokens after `cached` tokens already in the KV cache.
    public struct Chunk: Sendable, Equatable {
        public var tokens: Int
        public var cached: Int
        /// Whether this chunk completes the prompt, so the step samples the first output token.
        public var completesPrompt: Bool
        public init(tokens: Int, cached: Int = 0, completesPrompt: Bool = true) {
            self.tokens = tokens
            self.cached = cached
            self.completesPrompt = completesPrompt
        }
    }

    public var prefill: [Chunk]
    /// Context length (tokens already cached) of each decoding sequence; each decodes one token.
    public var decodeContexts: [Int]

    public init(prefill: [Chunk] = [], decodeContexts: [Int] = []) {
        self.prefill = prefill
        self.decodeContexts = decodeContexts
    }

    /// `count` sequences decoding with the same context.
    public static func decode(batch count: Int, context: Int) -> BatchState {
        BatchState(decodeContexts: Array(repeating: context, count: count))
    }

    /// The steps that prefill `batch` prompts of `input` tokens, in order, `budget` tokens per step (chunked).
    public static func staticPrefill(batch: Int, input: Int, budget: Int) -> [BatchState] {
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

    /// `count` prompts of `tokens` tokens prefilled in one step.
    public static func prefill(batch count: Int, tokens: Int) -> BatchState {
        BatchState(prefill: Array(repeating: Chunk(tokens: tokens), count: count))
    }
}

/// Positions of the batch features (the columns of Φ).
public enum Feature: Int, CaseIterable, Sendable {
    /// 1: terms paid once per step (weights read, fixed latencies).
    case constant
    case prefillTokens
    case decodeTokens
    /// Σ over chunks of `n·c₀ + n(n+1)/2`: query-key pairs of causal prefill attention.
    case prefillPairs
    /// The same, with keys limited to a sliding window `w`.
    case prefillPairsWindowed
    /// Σ over decoding sequences of the context length.
    case decodeContext
    /// The same, with each context capped at the window.
    case decodeContextWindowed
    /// Tokens sampled by the LM head (decode tokens + prompts completed).
    case sampledTokens
    /// Distinct routed experts the step's tokens touch, for uniform routing: `E·(1 − (1 − k/E)^T)`.
    case touchedExperts

    public static let count = Feature.allCases.count
}

extension BatchState {
    /// Total tokens processed by the step.
    public var tokens: Int { prefill.reduce(0) { $0 + $1.tokens } + decodeContexts.count }

    /// The feature vector `φ` of this state (see ``Feature``).
    /// - Parameters:
    ///   - window: sliding-window size, or `nil`.
    ///   - routedExperts: `E`, or 0 for a dense model.
    public func features(window: Int?, routedExperts: Int, expertsPerToken: Int) -> [Double] {
        var φ = [Double](repeating: 0, count: Feature.count)
        φ[Feature.constant.rawValue] = 1
        for chunk in prefill {
            let n = Double(chunk.tokens), cached = Double(chunk.cached)
            φ[Feature.prefillTokens.rawValue] += n
            φ[Feature.prefillPairs.rawValue] += n * cached + n * (n + 1) / 2
            φ[Feature.prefillPairsWindowed.rawValue] += Self.windowedPairs(tokens: chunk.tokens, cached: chunk.cached, window: window)
            if chunk.completesPrompt { φ[Feature.sampledTokens.rawValue] += 1 }
        }
        for context in decodeContexts {
            φ[Feature.decodeTokens.rawValue] += 1
            φ[Feature.decodeContext.rawValue] += Double(context + 1)
            φ[Feature.decodeContextWindowed.rawValue] += Double(min(context + 1, window ?? Int.max))
            φ[Feature.sampledTokens.rawValue] += 1
        }
        if routedExperts > 0 {
            let tokens = Double(tokens)
            let experts = Double(routedExperts)
            φ[Feature.touchedExperts.rawValue] = experts * (1 - pow(1 - Double(expertsPerToken) / experts, tokens))
        }
        return φ
    }

    /// Query-key pairs of a causal chunk when each query sees at most `window` keys.
    public static func windowedPairs(tokens: Int, cached: Int, window: Int?) -> Double {
        guard let window else { return Double(tokens) * Double(cached) + Double(tokens) * Double(tokens + 1) / 2 }
        // Query i (0-based within the chunk) sees min(cached + i + 1, window) keys.
        let n = Double(tokens), c = Double(cached), w = Double(window)
        let unlimited = max(0, min(n, w - c))  // queries whose full context fits in the window
        let full = unlimited * c + unlimited * (unlimited + 1) / 2
        return full + (n - unlimited) * w
    }
}
