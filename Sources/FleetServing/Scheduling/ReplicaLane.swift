import FleetPerformance

/// The state of one lane of continuous batching, advanced one scheduler iteration at a time (the policy is
/// described on ``ReplicaSimulator``). A lane either receives its requests up front (``init(model:limits:requests:closedLoopConcurrency:)``)
/// or one at a time from a router as they arrive (``receive(_:)``), so that several lanes can be advanced
/// together in time order.
///
/// - Complexity: an iteration costs O(sequences in the batch) — one pass to schedule, one to build the
///   step's features, one to record progress — and allocates nothing once the lane's buffers have grown.
struct ReplicaLane {
    let model: StepModel
    let limits: SchedulerLimits
    /// Speculative decoding, if the engine drafts: every decoding sequence verifies up to `k + 1` tokens a step
    /// and gains the verified token plus its accepted drafts, drawn from ``random``.
    let speculative: SpeculativeDecoding?
    /// `k` of ``speculative`` (0 without it) and its acceptance rates, read per sequence without copying it.
    private let draftLimit: Int
    private let acceptance: [Double]
    private var random: RandomSource
    private var draftFeatures = [Double](repeating: 0, count: Feature.count)
    /// Whether every request arrives with its prompt's KV and first token (the decode pool of a disaggregated
    /// deployment): it joins the decodes without a prefill (``admitHandoffs()``).
    let arrivesPrefilled: Bool
    private var deliveries = 0
    private(set) var requests: [Request]

    private struct Sequence {
        let request: Int
        /// Tokens to prefill before decoding: the prompt, or after a preemption the prompt and the output
        /// generated so far (recomputed in one prefill).
        let target: Int
        var prefilled = 0
        var generated = 0
        /// Output tokens counted in `target` (recomputed, not generated again).
        var folded = 0
        var blocks = 0
        var firstToken = 0.0
        /// Times output reached the client after the first token (one per step that emitted tokens).
        var deliveries = 0
        var admittedOrder = 0
        /// Prompt tokens scheduled in the current step (0 when none).
        var chunk = 0

        var isDecoding: Bool { prefilled == target }
        /// Tokens whose KV the sequence holds.
        var context: Int { prefilled + generated - folded }
    }

    /// Output generated and first-token time of each preempted request waiting to resume, by request index
    /// (preemptions are rare, so a dictionary costs nothing per request).
    private var resumptions: [Int: (generated: Int, firstToken: Double, deliveries: Int)] = [:]

    private var records: [ReplicaSimulator.Record?]
    private var waiting: [Int] = []  // request indices, FIFO with a moving head
    private var waitingHead = 0
    private var running: [Sequence] = []
    private var nextArrival = 0
    private var arrivalTimes: [Double]
    private let closedLoop: Bool
    /// Whether a request released by a completion still waits for its scheduled arrival (a capped open loop).
    private let releasesOnSchedule: Bool
    private var releasedInLoop: Int
    /// Start of the next step, seconds.
    private(set) var time = 0.0
    private var steps = 0, preemptions = 0, kvTokenSeconds = 0.0, busy = 0.0, sampled = 0
    private var freeBlocks: Int
    private var admissions = 0
    private let blockSize: Int
    private(set) var completed = 0
    private var features = [Double](repeating: 0, count: Feature.count)
    private var finished: [Int] = []
    private let window: Int?
    private let routed: Int
    /// Prompt tokens of requests that have joined the queue and are not admitted.
    private var queuedPromptTokens = 0
    /// What the last step changed, so that a router deciding during that step sees the lane as it was.
    private var lastStepFinished = 0
    private var lastStepHeldBlocks = 0

    /// A lane serving `requests` (sorted by arrival). In closed loop, `concurrency` requests start at time
    /// zero and each completion releases the next one. With `releasesOnSchedule` the concurrency caps an open
    /// loop instead: a request is sent at its arrival time or, when `concurrency` are in flight, at the next
    /// completion after it, whichever is later, and its latencies count from the send.
    init(model: StepModel, limits: SchedulerLimits, requests: [Request], closedLoopConcurrency: Int? = nil,
         releasesOnSchedule: Bool = false,
         speculative: SpeculativeDecoding? = nil, seed: UInt64 = 0, arrivesPrefilled: Bool = false) {
        self.arrivesPrefilled = arrivesPrefilled
        self.model = model
        self.limits = limits
        self.speculative = speculative
        draftLimit = speculative?.draftTokens ?? 0
        acceptance = speculative?.acceptance ?? []
        random = RandomSource(seed: seed)
        self.requests = requests
        records = [ReplicaSimulator.Record?](repeating: nil, count: requests.count)
        arrivalTimes = requests.map(\.arrival)
        closedLoop = closedLoopConcurrency != nil
        if let concurrency = closedLoopConcurrency {
            // The first `concurrency` requests are sent at once (closed loop) or at their own times (capped).
            for index in requests.indices where !releasesOnSchedule || index >= concurrency {
                arrivalTimes[index] = index < concurrency ? 0 : .infinity
            }
        }
        self.releasesOnSchedule = releasesOnSchedule
        releasedInLoop = min(closedLoopConcurrency ?? requests.count, requests.count)
        freeBlocks = limits.kvBlocks
        blockSize = max(1, limits.kvBlockSize)
        window = model.window
        routed = model.spec.model.architecture.moe?.routedExperts ?? 0
    }

    private func blocks(for tokens: Int) -> Int { (tokens + blockSize - 1) / blockSize }

    /// Draft tokens a decoding sequence verifies this step: `k`, fewer near the end of its output.
    @inline(__always) private func drafts(for sequence: Sequence) -> Int {
        draftLimit == 0 ? 0 : min(draftLimit, requests[sequence.request].outputTokens - sequence.generated - 1)
    }

    /// Whether every request the lane has received is finished.
    var isDrained: Bool { completed == requests.count }

    /// Takes a request that arrives now (at `request.arrival`, no later than the next step of a busy lane):
    /// it joins the queue at once. An idle lane's clock moves to the arrival.
    mutating func receive(_ request: Request) {
        precondition(!closedLoop, "a closed-loop lane releases its own requests")
        if running.isEmpty && waitingHead == waiting.count { time = max(time, request.arrival) }
        precondition(request.arrival <= time, "request arrives at \(request.arrival) after the lane's next step at \(time)")
        requests.append(request)
        records.append(nil)
        arrivalTimes.append(request.arrival)
        waiting.append(requests.count - 1)
        queuedPromptTokens += request.inputTokens
        nextArrival += 1
        releasedInLoop += 1
    }

    /// Requests received and not finished at time `instant`; a step still running at `instant` has not
    /// finished its requests yet.
    func outstanding(at instant: Double) -> Int {
        requests.count - completed + (time > instant ? lastStepFinished : 0)
    }

    /// KV-cache demand at time `instant` in tokens: the blocks held by running sequences (as during a step
    /// still running at `instant`) plus the prompts waiting for admission.
    func kvDemand(at instant: Double) -> Int {
        let held = time > instant ? lastStepHeldBlocks : limits.kvBlocks - freeBlocks
        return held * blockSize + queuedPromptTokens
    }

    /// One scheduler iteration: arrivals up to now join the queue, then one step runs, or an idle lane's
    /// clock moves to its next arrival. Returns `false` when there is nothing left to do.
    @discardableResult
    mutating func iterate() -> Bool {
        // Arrivals up to now join the queue.
        let arrivalLimit = closedLoop ? releasedInLoop : requests.count
        while nextArrival < arrivalLimit, arrivalTimes[nextArrival] <= time {
            waiting.append(nextArrival)
            queuedPromptTokens += requests[nextArrival].inputTokens
            nextArrival += 1
        }
        if running.isEmpty && waitingHead == waiting.count {
            guard nextArrival < arrivalLimit else { return false }
            time = max(time, arrivalTimes[nextArrival])
            return true
        }
        step()
        return true
    }

    /// Admits the handed-off requests at the head of the queue (the decode pool of a disaggregated
    /// deployment): their prompt's KV has arrived from a prefill replica, so they join this step's decodes
    /// without a prefill, and their first token reaches the client now, as the decode replica takes over.
    private mutating func admitHandoffs() {
        while running.count < limits.maxSequences, waitingHead < waiting.count {
            let index = waiting[waitingHead]
            let request = requests[index]
            guard arrivesPrefilled, resumptions[index] == nil else { return }
            let need = limits.reserveWholeSequence
                ? blocks(for: request.inputTokens + request.outputTokens) : blocks(for: request.inputTokens + 1)
            guard need <= freeBlocks else { return }
            freeBlocks -= need
            waitingHead += 1
            admissions += 1
            queuedPromptTokens -= request.inputTokens
            running.append(Sequence(request: index, target: request.inputTokens, prefilled: request.inputTokens, generated: 1,
                                    blocks: need, firstToken: time, admittedOrder: admissions))
        }
    }

    private mutating func step() {
        admitHandoffs()
        // Decodes first; preempt the newest admission while a decode lacks a block.
        var budget = limits.maxBatchedTokens
        var index = 0
        while index < running.count {
            let sequence = running[index]
            guard sequence.isDecoding else { index += 1; continue }
            let need = max(0, blocks(for: sequence.context + 1 + drafts(for: sequence)) - sequence.blocks)
            if need <= freeBlocks {
                index += 1
                continue
            }
            // Preempt the most recently admitted sequence: its KV is dropped and recomputed on resumption
            // (prompt and output so far in one prefill); the output already streamed is kept.
            let victim = running.indices.max { running[$0].admittedOrder < running[$1].admittedOrder }!
            freeBlocks += running[victim].blocks
            resumptions[running[victim].request] = (running[victim].generated, running[victim].firstToken, running[victim].deliveries)
            waitingHead -= 1
            if waitingHead < 0 { waiting.insert(running[victim].request, at: 0); waitingHead = 0 } else { waiting[waitingHead] = running[victim].request }
            queuedPromptTokens += requests[running[victim].request].inputTokens
            running.remove(at: victim)
            preemptions += 1
            if victim < index { index -= 1 }
        }
        var decodeCount = 0
        for position in running.indices where running[position].isDecoding {
            let sequence = running[position]
            let verified = 1 + drafts(for: sequence)
            let need = max(0, blocks(for: sequence.context + verified) - sequence.blocks)
            freeBlocks -= need
            running[position].blocks += need
            decodeCount += 1
            budget -= verified
        }
        // Prefill chunks: running prefills, then new admissions.
        var chunkCount = 0
        for position in running.indices where !running[position].isDecoding && budget > 0 {
            let sequence = running[position]
            let remaining = sequence.target - sequence.prefilled
            let take = limits.chunkedPrefill ? min(remaining, budget) : remaining
            let need = max(0, blocks(for: sequence.prefilled + take) - sequence.blocks)
            guard need <= freeBlocks else { continue }
            freeBlocks -= need
            running[position].blocks += need
            running[position].chunk = take
            chunkCount += 1
            budget -= take
        }
        while budget > 0, running.count < limits.maxSequences, waitingHead < waiting.count {
            let request = waiting[waitingHead]
            // A handed-off request waits for a seat and blocks at the next step's start (`admitHandoffs`).
            if arrivesPrefilled && resumptions[request] == nil { break }
            // A prefix-cache hit starts the prompt after its cached tokens, whose KV still takes blocks; a
            // resumed request prefills its output so far with the prompt.
            let cached = requests[request].cachedTokens
            let resumption = resumptions[request]
            let folded = resumption?.generated ?? 0
            let target = requests[request].inputTokens + folded
            let remaining = target - cached
            let take = limits.chunkedPrefill ? min(remaining, budget) : remaining
            if !limits.chunkedPrefill && take > budget && decodeCount + chunkCount > 0 { break }
            // Guaranteed-no-evict admission holds blocks for the prompt and the whole output from the start.
            let need = limits.reserveWholeSequence
                ? blocks(for: requests[request].inputTokens + requests[request].outputTokens) : blocks(for: cached + take)
            guard need <= freeBlocks else { break }
            freeBlocks -= need
            waitingHead += 1
            admissions += 1
            queuedPromptTokens -= requests[request].inputTokens
            if resumption != nil { resumptions[request] = nil }
            running.append(Sequence(request: request, target: target, prefilled: cached, generated: folded, folded: folded, blocks: need,
                                    firstToken: resumption?.firstToken ?? 0, deliveries: resumption?.deliveries ?? 0,
                                    admittedOrder: admissions, chunk: take))
            chunkCount += 1
            budget -= take
        }
        if decodeCount == 0 && chunkCount == 0 {
            // Nothing fits (a prompt larger than the whole KV cache): fail loudly rather than spin.
            preconditionFailure("request \(waiting[waitingHead]) needs more KV blocks than the cache holds (\(limits.kvBlocks))")
        }
        // Features of the step: decodes, then prefill chunks in the order they were scheduled (running
        // prefills by position, then admissions, which were appended in order).
        for position in features.indices { features[position] = 0 }
        features[Feature.constant.rawValue] = 1
        var draftingSequences = 0, draftingContext = 0.0
        for sequence in running where sequence.isDecoding {
            let context = sequence.context
            if draftLimit > 0 {
                let drafts = drafts(for: sequence)
                SpeculativeDecoding.addVerification(to: &features, context: context, drafts: drafts, window: window)
                if drafts > 0 { draftingSequences += 1; draftingContext += Double(context) }
                continue
            }
            features[Feature.decodeTokens.rawValue] += 1
            features[Feature.decodeContext.rawValue] += Double(context + 1)
            features[Feature.decodeContextWindowed.rawValue] += Double(min(context + 1, window ?? Int.max))
            features[Feature.sampledTokens.rawValue] += 1
        }
        for sequence in running where sequence.chunk > 0 {
            let tokens = sequence.chunk
            let n = Double(tokens), cached = Double(sequence.prefilled)
            features[Feature.prefillTokens.rawValue] += n
            features[Feature.prefillPairs.rawValue] += n * cached + n * (n + 1) / 2
            features[Feature.prefillPairsWindowed.rawValue] += BatchState.windowedPairs(tokens: tokens, cached: sequence.prefilled, window: window)
            if sequence.prefilled + tokens == sequence.target { features[Feature.sampledTokens.rawValue] += 1 }
        }
        if routed > 0 {
            features[Feature.touchedExperts.rawValue] = model.touchedExperts(
                localTokens: features[Feature.prefillTokens.rawValue] + features[Feature.decodeTokens.rawValue])
        }
        var stepTime = model.stepTime(features)
        if draftingSequences > 0, let speculative {
            stepTime += speculative.draftTime(sequences: draftingSequences, contextSum: draftingContext, features: &draftFeatures)
        }
        time += stepTime
        busy += stepTime
        steps += 1
        lastStepHeldBlocks = limits.kvBlocks - freeBlocks
        // Progress: decodes emit a token; chunks advance prefill, completing prompts emit their first token.
        var kvTokens = 0
        finished.removeAll(keepingCapacity: true)
        for position in running.indices {
            let request = requests[running[position].request]
            if running[position].isDecoding {
                // The verified token, plus the accepted prefix of the drafts.
                var gained = 1
                if draftLimit > 0 {
                    for draft in 0..<drafts(for: running[position]) {
                        guard random.unit() < acceptance[draft] else { break }
                        gained += 1
                    }
                }
                running[position].generated += gained
                running[position].deliveries += 1
                sampled += gained
            } else if running[position].chunk > 0 {
                running[position].prefilled += running[position].chunk
                if running[position].isDecoding {
                    // The prefill's last position samples a token: the first, or the next after a resumption.
                    if running[position].generated == 0 { running[position].firstToken = time } else { running[position].deliveries += 1 }
                    running[position].generated += 1
                    sampled += 1
                }
            }
            running[position].chunk = 0
            kvTokens += running[position].context
            if running[position].generated >= request.outputTokens && running[position].isDecoding {
                finished.append(position)
            }
        }
        kvTokenSeconds += Double(kvTokens) * stepTime
        for position in finished.reversed() {
            let sequence = running[position]
            let request = requests[sequence.request]
            let arrival = closedLoop ? arrivalTimes[sequence.request] : request.arrival
            // The front end delivers the first token and the last one its latency after the engine produced them.
            let frontEnd = limits.frontEndLatency
            records[sequence.request] = ReplicaSimulator.Record(arrival: arrival, firstToken: sequence.firstToken + frontEnd,
                                                                finish: time + frontEnd,
                                                                inputTokens: request.inputTokens, outputTokens: request.outputTokens)
            deliveries += sequence.deliveries
            freeBlocks += sequence.blocks
            running.remove(at: position)
            completed += 1
            if closedLoop, releasedInLoop < requests.count {
                let release = time + frontEnd
                arrivalTimes[releasedInLoop] = releasesOnSchedule ? max(requests[releasedInLoop].arrival, release) : release
                releasedInLoop += 1
            }
        }
        lastStepFinished = finished.count
        if waitingHead > 4096 && waitingHead * 2 > waiting.count {
            waiting.removeFirst(waitingHead)
            waitingHead = 0
        }
    }

    /// The outcome so far: the records of finished requests in the order the lane received them.
    var run: ReplicaSimulator.Run {
        ReplicaSimulator.Run(records: records.compactMap { $0 }, steps: steps, preemptions: preemptions, kvTokenSeconds: kvTokenSeconds,
                             busyTime: busy, sampledTokens: sampled, deliveries: deliveries)
    }
}
