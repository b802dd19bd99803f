import FleetPerformance
import FleetProfiles
import FleetUnits

/// How a published serving measurement is rebuilt as a simulation: the deployment, the engine limits and
/// the workload. Every assumption that fills a gap of the row is named here.
public struct MeasurementSetup: Sendable {
    public let spec: DeploymentSpec
    public let limits: SchedulerLimits
    public let replicas: Int
    public let arrivals: ArrivalProcess
    public let requests: [Request]
    /// For a server run whose load is not published: the latency limits it was run to, so that the rebuild
    /// runs at the highest Poisson rate within them (``requests(arriving:)``), as the benchmark's load was tuned.
    public let latencyLimits: LatencyLimits?
    /// How long each probe of a server row's load search lasts, seconds (``serverMinimumDuration`` unless the
    /// rebuild was asked for another).
    public let serverDuration: Double
    /// The batcher the benchmark's harness puts in front of the engine instances, if it batches requests
    /// (``AMDMLPerfHarnessSettings``).
    public let batching: RequestBatching?
    private let input: Int, output: Int, seed: UInt64

    /// The p99 limits of a server benchmark (MLPerf's Server and Interactive scenarios), seconds.
    public struct LatencyLimits: Sendable, Equatable {
        public let timeToFirstTokenP99: Double?
        public let timePerOutputTokenP99: Double?

        /// Whether a run meets every limit.
        public func areMet(by metrics: ServingMetrics) -> Bool {
            (timeToFirstTokenP99.map { metrics.timeToFirstToken.p99 <= $0 } ?? true)
                && (timePerOutputTokenP99.map { metrics.timePerOutputToken.p99 <= $0 } ?? true)
        }

        /// The limits a measurement's description states: `TTFT p99 2 s`, `TPOT p99 200 ms`, or a per-user
        /// rate `12.5 tok/s/user` (TPOT 1/12.5 s); `nil` when it states none.
        public init?(detail: String) {
            func number(after pattern: String) -> (value: Double, unit: Substring)? {
                guard let range = detail.range(of: pattern) else { return nil }
                let rest = detail[range.upperBound...].drop { $0 == " " }
                let digits = rest.prefix { $0.isNumber || $0 == "." }
                guard let value = Double(digits), value > 0 else { return nil }
                return (value, rest.dropFirst(digits.count).drop { $0 == " " }.prefix { $0.isLetter })
            }
            func seconds(_ found: (value: Double, unit: Substring)?) -> Double? {
                guard let found else { return nil }
                switch found.unit {
                case "s": return found.value
                case "ms": return found.value / 1000
                default: return nil
                }
            }
            var perToken = seconds(number(after: "TPOT p99"))
            if perToken == nil, let range = detail.range(of: " tok/s/user") {
                let digits = detail[..<range.lowerBound].reversed().prefix { $0.isNumber || $0 == "." }
                if let rate = Double(String(digits.reversed())), rate > 0 { perToken = 1 / rate }
            }
            let firstToken = seconds(number(after: "TTFT p99"))
            guard firstToken != nil || perToken != nil else { return nil }
            timeToFirstTokenP99 = firstToken
            timePerOutputTokenP99 = perToken
        }
    }

    /// The setup's requests (same lengths and seed; the setup's count unless `count` is given) arriving by
    /// `arrivals`: a Poisson process at a probed rate, or all at once for the saturated run that bounds a load search.
    public func requests(arriving arrivals: ArrivalProcess, count: Int? = nil) -> [Request] {
        WorkloadGenerator.requests(count: count ?? requests.count, arrivals: arrivals, input: .fixed(input), output: .fixed(output), seed: seed)
    }

    /// The shortest run MLPerf LoadGen accepts in the Server scenario, seconds (`*.Server.min_duration = 600000`
    /// ms in mlcommons/inference `loadgen/mlperf.conf`). A server probe shorter than this measures the ramp-up
    /// of the batch, not the steady state: near saturation the batch takes minutes to fill, and a short run at an
    /// unsustainable rate still meets its latency limits.
    public static let serverMinimumDuration = 600.0

    /// The most requests one server probe simulates: the run is cut short of ``serverDuration`` beyond this
    /// (rates above 500 requests per second at 600 s), which bounds the cost of a load search.
    public static let serverProbeRequestCap = 300_000

    /// Requests in a server probe at `rate` (per second): enough for ``serverDuration``, at least the setup's own
    /// count, at most ``serverProbeRequestCap``.
    func serverProbeCount(rate: Double) -> Int {
        let forDuration = (rate * serverDuration).rounded(.up)
        guard forDuration.isFinite else { return requests.count }
        return max(requests.count, min(Self.serverProbeRequestCap, Int(forDuration)))
    }

    /// Engines of the measurement vocabulary mapped to engine profiles: NIM runs TensorRT-LLM; DeepSeek's
    /// in-house stack is closest to SGLang (whose DeepSeek optimizations it published); CloudMatrix-Infer
    /// runs on Ascend like vllm-ascend.
    public static let engineProfiles = ["tensorrt-llm": "tensorrt-llm", "vllm": "vllm", "sglang": "sglang", "nim": "tensorrt-llm",
                                        "deepseek-serving": "sglang", "cloudmatrix-infer": "vllm-ascend", "mindie": "mindie"]

    /// Builds the setup of `row`, or says why it cannot be rebuilt (``rebuild(_:catalog:efficiencies:serving:seed:)``
    /// without its simulated metrics).
    public static func make(_ row: PublishedMeasurement, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                            serving: ServingCalibration? = nil, seed: UInt64) throws(PerformanceError) -> MeasurementSetup {
        guard searchesLayout(row) else {
            return try make(row, tensorParallel: row.tensorParallel, catalog: catalog, efficiencies: efficiencies, serving: serving, seed: seed)
        }
        return try rebuild(row, catalog: catalog, efficiencies: efficiencies, serving: serving, seed: seed).setup
    }

    /// Whether `row` is a throughput benchmark over several devices per pipeline stage that leaves its tensor
    /// parallelism unpublished.
    static func searchesLayout(_ row: PublishedMeasurement) -> Bool {
        row.tensorParallel == nil && (row.mode == .offline || row.mode == .server)
            && (row.devices ?? 1) / max(1, row.pipelineParallel ?? 1) > 1
    }

    /// The setup of `row` and its simulated run (``simulate()``).
    ///
    /// A throughput benchmark (MLPerf Offline, Server or Interactive) that does not publish its tensor parallelism
    /// is rebuilt with the layout its submitter tunes for: of the tensor sizes that divide the row's devices (per
    /// pipeline stage), fit one scale-up domain and hold the model, the one whose replicas reach the highest
    /// simulated output throughput under the row's own conditions (all requests at once, or the highest rate
    /// within its latency limits). Other rows without a published layout run one tensor group over all their
    /// devices.
    public static func rebuild(_ row: PublishedMeasurement, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                               serving: ServingCalibration? = nil, seed: UInt64,
                               serverDuration: Double = serverMinimumDuration) throws(PerformanceError)
        -> (setup: MeasurementSetup, metrics: ServingMetrics) {
        let perStage = max(1, (row.devices ?? 1) / max(1, row.pipelineParallel ?? 1))
        guard searchesLayout(row) else {
            let setup = try make(row, tensorParallel: row.tensorParallel, catalog: catalog, efficiencies: efficiencies,
                                 serving: serving, seed: seed, serverDuration: serverDuration)
            return (setup, try setup.simulate())
        }
        let domain = catalog.hardware(row.hardware)?.interconnect?.scaleUp?.domain ?? perStage
        let sizes = (1...perStage).filter { perStage % $0 == 0 && $0 <= domain }
        var candidates: [(setup: MeasurementSetup, saturated: ServingMetrics)] = []
        var widestError: PerformanceError?
        for size in sizes.reversed() {
            do throws(PerformanceError) {
                let setup = try make(row, tensorParallel: size, catalog: catalog, efficiencies: efficiencies, serving: serving,
                                     seed: seed, serverDuration: serverDuration)
                candidates.append((setup, try setup.saturatedRun()))
            } catch {
                widestError = widestError ?? error
            }
        }
        // Layouts are tried from the highest saturated throughput down. A load search under whole-output
        // reservation never probes beyond 1.05 × the saturated rate, so such a layout whose saturated output
        // throughput, with that margin and a 5 % allowance for the spread of Poisson arrivals, stays below the best
        // result so far cannot win and is not searched. Under max-utilization admission the search may go past the
        // saturated rate (``searchedRun(saturated:)``), so that bound does not rule such a layout out.
        let ordered = candidates.enumerated().sorted {
            ($0.element.saturated.outputThroughput, $1.offset) > ($1.element.saturated.outputThroughput, $0.offset)
        }.map(\.element)
        var best: (setup: MeasurementSetup, metrics: ServingMetrics)?
        var bestRate: Double?
        for candidate in ordered {
            if let best, candidate.setup.latencyLimits != nil, candidate.setup.limits.reserveWholeSequence,
               candidate.saturated.outputThroughput * 1.05 * 1.05 <= best.metrics.outputThroughput { continue }
            do throws(PerformanceError) {
                // A layout that misses the limits at the best layout's rate only meets them at lower rates (the
                // objectives fail beyond some rate), so it cannot win: one probe instead of a search.
                if let bestRate, !(try candidate.setup.meetsLatencyLimits(atRate: bestRate)) { continue }
                let (metrics, rate) = try candidate.setup.searchedRun(saturated: candidate.saturated)
                if metrics.outputThroughput > best?.metrics.outputThroughput ?? 0 { best = (candidate.setup, metrics); bestRate = rate }
            } catch {
                widestError = widestError ?? error
            }
        }
        if let best { return best }
        throw widestError ?? PerformanceError("no tensor size divides \(row.devices ?? 1) devices within one scale-up domain")
    }

    /// The setup's requests all arriving at once: the saturated run that bounds a load search (and an offline
    /// row's own run).
    func saturatedRun() throws(PerformanceError) -> ServingMetrics {
        let simulation = self.simulation(try StepModel(spec: spec))
        return simulation.run(requests(arriving: .offline), arrivals: .offline)
    }

    /// The simulation of the setup's deployment with `model`: its limits, replicas and batcher.
    public func simulation(_ model: StepModel) -> ServingSimulation {
        ServingSimulation(model: model, limits: limits, replicas: replicas, batching: batching)
    }

    /// Simulates the setup as its row was run: its arrivals, or for a server row whose load is not published
    /// the highest Poisson rate within its latency limits (a ``LoadSearch`` up from the saturated rate).
    public func simulate() throws(PerformanceError) -> ServingMetrics {
        try simulate(saturated: nil)
    }

    /// ``simulate()`` given the saturated run (``saturatedRun()``) when it is already known.
    func simulate(saturated: ServingMetrics?) throws(PerformanceError) -> ServingMetrics {
        try searchedRun(saturated: saturated).metrics
    }

    /// ``simulate(saturated:)`` with, for a server row, the Poisson rate its load search settled on (requests per
    /// second; `nil` for a row run at its own arrivals).
    func searchedRun(saturated: ServingMetrics?) throws(PerformanceError) -> (metrics: ServingMetrics, rate: Double?) {
        if latencyLimits == nil, arrivals == .offline, let saturated { return (saturated, nil) }
        let simulation = self.simulation(try StepModel(spec: spec))
        guard let latencyLimits else { return (simulation.run(requests, arrivals: arrivals), nil) }
        // The search's passing rates only rise, so the last run that met the limits is the answer's.
        var highestMet: ServingMetrics?
        let saturation: ServingMetrics
        if let saturated { saturation = saturated } else { saturation = try saturatedRun() }
        // A stream of arrivals can sustain more than the all-at-once run under max-utilization admission, whose
        // equal-length batch overfills the KV cache and pauses requests: there the search goes past the saturated
        // rate while the limits hold.
        let rate = LoadSearch.highestRate(saturation: saturation.requestThroughput,
                                          expandsPastSaturation: !limits.reserveWholeSequence) { rate in
            let probe = serverProbe(simulation, rate: rate)
            guard latencyLimits.areMet(by: probe) else { return false }
            highestMet = probe
            return true
        }
        guard rate > 0, let highestMet else { throw PerformanceError("the rebuilt deployment meets the latency limits at no load") }
        return (highestMet, rate)
    }

    /// Whether a server row's setup meets its latency limits at `rate` requests per second (one probe of its load
    /// search); `true` for a row without limits.
    func meetsLatencyLimits(atRate rate: Double) throws(PerformanceError) -> Bool {
        guard let latencyLimits else { return true }
        let simulation = self.simulation(try StepModel(spec: spec))
        return latencyLimits.areMet(by: serverProbe(simulation, rate: rate))
    }

    /// One probe of a server row's load search: Poisson arrivals at `rate` for as long as the benchmark's shortest
    /// accepted run, so that it measures the steady state at that rate (or the queue that an unsustainable rate
    /// builds).
    private func serverProbe(_ simulation: ServingSimulation, rate: Double) -> ServingMetrics {
        let arrivals = ArrivalProcess.poisson(rate: rate)
        return simulation.run(requests(arriving: arrivals, count: serverProbeCount(rate: rate)), arrivals: arrivals)
    }

    /// The setup of `row` with `tensorParallel` devices per tensor group (all of the row's devices per pipeline
    /// stage when `nil`).
    static func make(_ row: PublishedMeasurement, tensorParallel: Int?, catalog: ProfileCatalog, efficiencies: KernelEfficiencies,
                     serving: ServingCalibration?, seed: UInt64,
                     serverDuration: Double = serverMinimumDuration) throws(PerformanceError) -> MeasurementSetup {
        guard let modelID = row.model, let model = catalog.model(modelID) else {
            throw PerformanceError("model '\(row.model ?? "")' has no profile")
        }
        guard let engineID = engineProfiles[row.engine], let engine = catalog.engine(engineID) else {
            throw PerformanceError("engine '\(row.engine)' has no profile")
        }
        guard let hardware = catalog.hardware(row.hardware) else { throw PerformanceError("hardware '\(row.hardware)' has no profile") }
        let pipeline = row.pipelineParallel ?? 1
        let tensor = tensorParallel ?? max(1, (row.devices ?? 1) / pipeline)
        let devices = row.devices ?? tensor * pipeline
        guard devices % (tensor * pipeline) == 0 else {
            throw PerformanceError("\(devices) devices do not split into replicas of tp \(tensor) × pp \(pipeline)")
        }
        // Expert parallelism beyond the tensor group means data-parallel attention (DeepSeek-style): the
        // devices of the row that the tensor group leaves are attention ranks sharing the experts. Expert
        // parallelism wider than the row's devices (multi-node per-node averages) is capped at the devices.
        let requestedExpert = model.architecture.moe == nil ? 1 : (row.expertParallel ?? 1)
        let attentionRanks = requestedExpert > tensor ? max(1, min(requestedExpert, devices) / (tensor * pipeline)) : 1
        let expert = min(requestedExpert, tensor * attentionRanks)
        let weights = row.weightPrecision ?? model.checkpointPrecision ?? .bf16
        let activations = row.activationPrecision
            ?? ([.fp8, .int8, .fp4].contains(weights) && hardware.compute.dense[weights] != nil ? weights : .bf16)
        // An empty KV cell is the engine's default for the checkpoint: TensorRT-LLM follows the checkpoint, and
        // ModelOpt exports FP8 and NVFP4 checkpoints with an FP8 KV cache (hf_ptq.py --kv_cache_qformat, default
        // fp8); otherwise the activation precision, at most 16 bits.
        let kv = row.kvPrecision
            ?? (engineID == "tensorrt-llm" && [.fp8, .fp4].contains(activations) ? .fp8 : (activations.bits <= 16 && activations != .fp4 ? activations : .bf16))
        // AMD's MLPerf harness batches the Server scenario's queries before its vLLM instances, which it runs with
        // settings of its own.
        let amdHarness = engineID == "vllm" && row.mode == .server ? AMDMLPerfHarnessSettings(row, vendor: hardware.vendor) : nil
        let spec = try DeploymentSpec.resolve(
            model: model.id, hardware: hardware.id, engine: engine.id, catalog: catalog, efficiencies: efficiencies,
            weights: weights, activations: activations == .mxfp4 ? .bf16 : activations, kvCache: kv,
            tensorParallel: tensor, pipelineParallel: pipeline, expertParallel: expert,
            dataParallelAttention: attentionRanks, memoryFraction: amdHarness?.memoryFraction,
            maxBatchedTokens: amdHarness?.maxBatchedTokens, serving: serving, powerCap: try powerLimit(of: row, catalog: catalog))
        let memory = try MemoryPlan(spec: spec)
        // A dataset row without lengths takes the dataset's published means.
        let dataset = row.workload.flatMap { catalog.dataset($0) }
        guard let input = row.inputTokens ?? dataset?.inputTokens?.mean.map({ Int($0.rounded()) }) else {
            throw PerformanceError(row.workload.map { "input length not published (no published mean input length for dataset '\($0)')" }
                                   ?? "input length not published")
        }
        guard let outputMean = row.outputTokens ?? dataset?.outputTokens?.mean else { throw PerformanceError("output length not published") }
        let output = max(1, Int(outputMean.rounded()))
        guard memory.kvCapacityTokens >= input + output else {
            throw PerformanceError("one request (\(input + output) tokens) does not fit the KV cache (\(memory.kvCapacityTokens) tokens)")
        }
        let scheduling = engine.scheduling
        var maxSequences = scheduling.maxSequences ?? Int.max  // no sourced cap: the KV cache bounds the batch
        let inFlight = min(maxSequences, memory.kvCapacityTokens / (input + output))
        let replicas = devices / (tensor * pipeline * attentionRanks)
        let arrivals: ArrivalProcess
        var count: Int
        var latencyLimits: LatencyLimits?
        switch row.mode {
        case .offline?:
            arrivals = .offline
            count = min(4000, max(256, 3 * inFlight)) * replicas
        case .batch?:
            guard let load = row.load else { throw PerformanceError("batch size not published") }
            maxSequences = Int(load)
            arrivals = .offline
            count = Int(load) * replicas
        case .concurrency?:
            guard let load = row.load else { throw PerformanceError("concurrency not published") }
            arrivals = .closedLoop(concurrency: Int(load))
            count = min(4000, max(200, 4 * Int(load)))
        case .server? where row.load == nil:
            // A server benchmark publishes the throughput it reached within its latency limits, not the load
            // it was offered: the rebuild searches the highest rate within the same limits.
            guard let limits = LatencyLimits(detail: row.detail) else {
                throw PerformanceError("server load not published and no latency limits stated (TTFT p99 / TPOT p99)")
            }
            latencyLimits = limits
            arrivals = .poisson(rate: 1)
            count = min(3000, max(1000, 2 * inFlight)) * replicas
        case .rate?, .server?:
            guard let load = row.load else { throw PerformanceError("request rate not published") }
            // A benchmark client's concurrency cap (`--max-concurrency`) holds requests back while that many are
            // in flight, whatever the rate.
            if let cap = Self.maxConcurrency(in: row.detail) {
                arrivals = .capped(.poisson(rate: load), maxConcurrency: cap)
            } else {
                arrivals = .poisson(rate: load)
            }
            count = min(3000, max(300, Int(load * 120)))
        case .kernel?, nil:
            throw PerformanceError("load pattern not published")
        }
        // A published request count (a benchmark of "500 requests") sets the run length: queueing under
        // overload depends on it.
        if let published = Self.requestCount(in: row.detail) { count = published }
        var limits = SchedulerLimits(maxSequences: maxSequences, maxBatchedTokens: max(scheduling.maxBatchedTokens ?? 8192, 1),
                                     // A prompt longer than the step budget can only run chunked: engines enable it
                                     // for such runs, so the rebuild does too.
                                     chunkedPrefill: (scheduling.chunkedPrefill ?? false) || input > (scheduling.maxBatchedTokens ?? 8192),
                                     kvBlockSize: scheduling.kvBlockSize ?? 16,
                                     kvCapacityTokens: memory.kvCapacityTokens,
                                     reserveWholeSequence: scheduling.capacityPolicy == .guaranteedNoEvict,
                                     // Rate and concurrency benchmarks are HTTP clients of the engine's server;
                                     // offline, batch and MLPerf runs drive the engine in process.
                                     frontEndLatency: [.rate, .concurrency].contains(row.mode) ? engine.overheads?.frontEnd?.value ?? 0 : 0)
        // trtllm-bench runs TensorRT-LLM with settings of its own (chunked context, max-utilization
        // admission, batch and token budget sized to the dataset). Its batch bounds one micro-batch; the
        // simulation splits the replica's sequences over its pipeline lanes.
        if engineID == "tensorrt-llm", row.mode != .batch, TensorRTLLMBenchSettings.describes(row.detail) {
            let bench = TensorRTLLMBenchSettings(plan: memory, pipelineParallel: pipeline, input: input, output: output)
            limits.maxSequences = min(maxSequences, bench.sequencesInFlight)
            limits.maxBatchedTokens = bench.maxBatchedTokens
            limits.chunkedPrefill = true
            limits.reserveWholeSequence = false
        }
        // NVIDIA's MLPerf harness runs TensorRT-LLM with the max-utilization capacity policy. In a Server run the
        // arrival rate bounds the batch, and admission without reserving the output decides the latencies; an
        // Offline run keeps the reservation, which sizes its batch to the KV cache as the submitter's batch cap
        // (tuned per system, not published with the row) does.
        if engineID == "tensorrt-llm", row.mode == .server, MLPerfHarnessSettings.describes(row.detail) {
            limits.reserveWholeSequence = false
        }
        if let amdHarness {
            limits.chunkedPrefill = amdHarness.chunkedPrefill
            limits.maxBatchedTokens = amdHarness.maxBatchedTokens
            limits.maxSequences = amdHarness.maxSequences
        }
        let requests = WorkloadGenerator.requests(count: count, arrivals: arrivals, input: .fixed(input), output: .fixed(output), seed: seed)
        return MeasurementSetup(spec: spec, limits: limits, replicas: replicas, arrivals: arrivals, requests: requests,
                                latencyLimits: latencyLimits, serverDuration: serverDuration, batching: amdHarness?.batching,
                                input: input, output: output, seed: seed)
    }

    /// Words of a measurement's description that say the run was made below board power (MLPerf's
    /// power-optimized systems).
    public static let powerLimitedMarkers = ["MaxQ"]

    /// The power limit `row` was run at: the one the power-cap curve's published limits list for it, `nil`
    /// for a run at board power.
    /// - Throws: ``PerformanceError`` for a power-limited run (``powerLimitedMarkers``) whose limit is not listed,
    ///   which would otherwise be rebuilt at board power.
    public static func powerLimit(of row: PublishedMeasurement, catalog: ProfileCatalog) throws(PerformanceError) -> Watts? {
        if let limit = catalog.powerCapCurve?.limit(detail: row.detail, hardware: row.hardware, devices: row.devices) { return limit.cap }
        if let marker = powerLimitedMarkers.first(where: { row.detail.contains($0) }) {
            throw PerformanceError("a \(marker) run at a power limit that calibration/power-cap.yaml does not list (published_limits)")
        }
        return nil
    }

    /// `max concurrency N` in a row's detail: the concurrency cap of the benchmark client.
    static func maxConcurrency(in detail: String) -> Int? {
        guard let range = detail.range(of: "max concurrency ") else { return nil }
        return Int(String(detail[range.upperBound...].prefix { $0.isNumber })).flatMap { $0 > 0 ? $0 : nil }
    }

    /// `N requests` in a row's detail.
    static func requestCount(in detail: String) -> Int? {
        guard let range = detail.range(of: " requests") else { return nil }
        let digits = detail[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed())).flatMap { $0 > 0 ? $0 : nil }
    }
}
