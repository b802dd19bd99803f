import FleetPerformance

/// Continuous batching on one replica, iteration by iteration, as vLLM's V1 scheduler does it: running
/// requests decode one token each, then prefill chunks fill the rest of the token budget (running
/// prefills first, then waiting requests in arrival order) while sequences and KV blocks last. When a
/// decode needs a block and none is free, the most recently admitted request is preempted and recomputed
/// later. Each step's time comes from the performance model's single-state path.
public struct ReplicaSimulator: Sendable {
    public let model: StepModel
    public let limits: SchedulerLimits

    public init(model: StepModel, limits: SchedulerLimits) {
        self.model = model
        self.limits = limits
    }

    /// What happened to one request.
    public struct Record: Sendable, Equatable {
        public let arrival: Double
        public let firstToken: Double
        public let finish: Double
        public let inputTokens: Int
        public let outputTokens: Int
    }

    /// The outcome of a run.
    public struct Run: Sendable {
        public let records: [Record]
        public let steps: Int
        public let preemptions: Int
        /// Σ over steps of KV tokens in use × step time (for the mean occupancy).
        public let kvTokenSeconds: Double
        public let busyTime: Double
    }

    private struct Sequence {
        let request: Int
        var prefilled = 0
        var generated = 0
        var blocks = 0
        var firstToken = 0.0
        var admittedOrder = 0
    }

    /// Serves `requests` (sorted by arrival). In closed loop, `concurrency` requests start at time zero and
    /// each completion releases the next request.
    public func run(_ requests: [Request], closedLoopConcurrency: Int? = nil) -> Run {
        var records = [Record?](repeating: nil, count: requests.count)
        var waiting: [Int] = []  // request indices, FIFO with a moving head
        var waitingHead = 0
        var running: [Sequence] = []
        var nextArrival = 0
        var arrivalTimes = requests.map(\.arrival)
        if let concurrency = closedLoopConcurrency {
            for index in requests.indices { arrivalTimes[index] = index < concurrency ? 0 : .infinity }
        }
        var releasedInLoop = min(closedLoopConcurrency ?? requests.count, requests.count)
        var time = 0.0, steps = 0, preemptions = 0, kvTokenSeconds = 0.0, busy = 0.0
        var freeBlocks = limits.kvBlocks
        var admissions = 0
        let blockSize = max(1, limits.kvBlockSize)
        func blocks(for tokens: Int) -> Int { (tokens + blockSize - 1) / blockSize }
        var completed = 0
        var features = [Double](repeating: 0, count: Feature.count)
        let window = model.window
        let routed = model.spec.model.architecture.moe?.routedExperts ?? 0

        while completed < requests.count {
            // Arrivals up to now join the queue.
            let arrivalLimit = closedLoopConcurrency == nil ? requests.count : releasedInLoop
            while nextArrival < arrivalLimit, arrivalTimes[nextArrival] <= time {
                waiting.append(nextArrival)
                nextArrival += 1
            }
            if running.isEmpty && waitingHead == waiting.count {
                guard nextArrival < arrivalLimit else { break }
                time = max(time, arrivalTimes[nextArrival])
                continue
            }
            // Decodes first; preempt the newest admission while a decode lacks a block.
            var budget = limits.maxBatchedTokens
            var index = 0
            while index < running.count {
                let sequence = running[index]
                guard sequence.prefilled == requests[sequence.request].inputTokens else { index += 1; continue }
                let need = max(0, blocks(for: sequence.prefilled + sequence.generated + 1) - sequence.blocks)
                if need <= freeBlocks {
                    index += 1
                    continue
                }
                // Preempt the most recently admitted sequence (recompute later).
                let victim = running.indices.max { running[$0].admittedOrder < running[$1].admittedOrder }!
                freeBlocks += running[victim].blocks
                waitingHead -= 1
                if waitingHead < 0 { waiting.insert(running[victim].request, at: 0); waitingHead = 0 } else { waiting[waitingHead] = running[victim].request }
                running.remove(at: victim)
                preemptions += 1
                if victim < index { index -= 1 }
            }
            var decodeCount = 0
            for position in running.indices where running[position].prefilled == requests[running[position].request].inputTokens {
                let sequence = running[position]
                let need = max(0, blocks(for: sequence.prefilled + sequence.generated + 1) - sequence.blocks)
                freeBlocks -= need
                running[position].blocks += need
                decodeCount += 1
            }
            budget -= decodeCount
            // Prefill chunks: running prefills, then new admissions.
            var chunks: [(position: Int, tokens: Int)] = []
            for position in running.indices where running[position].prefilled < requests[running[position].request].inputTokens && budget > 0 {
                let sequence = running[position]
                let remaining = requests[sequence.request].inputTokens - sequence.prefilled
                let take = limits.chunkedPrefill ? min(remaining, budget) : remaining
                let need = max(0, blocks(for: sequence.prefilled + take) - sequence.blocks)
                guard need <= freeBlocks else { continue }
                freeBlocks -= need
                running[position].blocks += need
                chunks.append((position, take))
                budget -= take
            }
            while budget > 0, running.count < limits.maxSequences, waitingHead < waiting.count {
                let request = waiting[waitingHead]
                let remaining = requests[request].inputTokens
                let take = limits.chunkedPrefill ? min(remaining, budget) : remaining
                if !limits.chunkedPrefill && take > budget && decodeCount + chunks.count > 0 { break }
                // Guaranteed-no-evict admission holds blocks for the prompt and the whole output from the start.
                let need = limits.reserveWholeSequence
                    ? blocks(for: requests[request].inputTokens + requests[request].outputTokens) : blocks(for: take)
                guard need <= freeBlocks else { break }
                freeBlocks -= need
                waitingHead += 1
                admissions += 1
                running.append(Sequence(request: request, blocks: need, admittedOrder: admissions))
                chunks.append((running.count - 1, take))
                budget -= take
            }
            if decodeCount == 0 && chunks.isEmpty {
                // Nothing fits (a prompt larger than the whole KV cache): fail loudly rather than spin.
                preconditionFailure("request \(waiting[waitingHead]) needs more KV blocks than the cache holds (\(limits.kvBlocks))")
            }
            // Features of the step.
            for position in features.indices { features[position] = 0 }
            features[Feature.constant.rawValue] = 1
            var kvTokens = 0
            for sequence in running where sequence.prefilled == requests[sequence.request].inputTokens {
                let context = sequence.prefilled + sequence.generated
                features[Feature.decodeTokens.rawValue] += 1
                features[Feature.decodeContext.rawValue] += Double(context + 1)
                features[Feature.decodeContextWindowed.rawValue] += Double(min(context + 1, window ?? Int.max))
                features[Feature.sampledTokens.rawValue] += 1
            }
            for (position, tokens) in chunks {
                let sequence = running[position]
                let n = Double(tokens), cached = Double(sequence.prefilled)
                features[Feature.prefillTokens.rawValue] += n
                features[Feature.prefillPairs.rawValue] += n * cached + n * (n + 1) / 2
                features[Feature.prefillPairsWindowed.rawValue] += BatchState.windowedPairs(tokens: tokens, cached: sequence.prefilled, window: window)
                if sequence.prefilled + tokens == requests[sequence.request].inputTokens { features[Feature.sampledTokens.rawValue] += 1 }
            }
            if routed > 0 {
                features[Feature.touchedExperts.rawValue] = model.touchedExperts(
                    localTokens: features[Feature.prefillTokens.rawValue] + features[Feature.decodeTokens.rawValue])
            }
            let stepTime = model.stepTime(features)
            time += stepTime
            busy += stepTime
            steps += 1
            // Progress: decodes emit a token; chunks advance prefill, completing prompts emit their first token.
            var chunkTokens = [Int: Int]()
            for (position, tokens) in chunks { chunkTokens[position] = tokens }
            var finished: [Int] = []
            for position in running.indices {
                let request = requests[running[position].request]
                if running[position].prefilled == request.inputTokens {
                    running[position].generated += 1
                } else if let tokens = chunkTokens[position] {
                    running[position].prefilled += tokens
                    if running[position].prefilled == request.inputTokens {
                        running[position].generated = 1
                        running[position].firstToken = time
                    }
                }
                kvTokens += running[position].prefilled + running[position].generated
                if running[position].generated >= request.outputTokens && running[position].prefilled == request.inputTokens {
                    finished.append(position)
                }
            }
            kvTokenSeconds += Double(kvTokens) * stepTime
            for position in finished.reversed() {
                let sequence = running[position]
                let request = requests[sequence.request]
                let arrival = closedLoopConcurrency == nil ? request.arrival : arrivalTimes[sequence.request]
                records[sequence.request] = Record(arrival: arrival, firstToken: sequence.firstToken, finish: time,
                                                   inputTokens: request.inputTokens, outputTokens: request.outputTokens)
                freeBlocks += sequence.blocks
                running.remove(at: position)
                completed += 1
                if closedLoopConcurrency != nil, releasedInLoop < requests.count {
                    arrivalTimes[releasedInLoop] = time
                    releasedInLoop += 1
                }
            }
            if waitingHead > 4096 && waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
        }
        return Run(records: records.compactMap { $0 }, steps: steps, preemptions: preemptions, kvTokenSeconds: kvTokenSeconds,
                   busyTime: busy)
    }
}

import Foundation
