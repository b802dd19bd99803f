import ArgumentParser
import FleetPerformance
import FleetProfiles
import FleetUnits
import Foundation

struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predict prefill and decode times, TTFT, TPOT and throughput of a static batch on one replica.",
        discussion: """
            The batch's prompts are prefilled in steps of at most the engine's max batched tokens, then decoded
            one token per step. Each step is timed per operator class by a roofline whose efficiencies come from
            the kernel calibration (Profiles/calibration/kernels.yaml), plus communication and fixed overheads.
            Engine step overheads are not calibrated yet (the serving issue fits them), so absolute latencies
            are lower bounds of what an engine achieves.
            Example: fleetsim predict --model llama-3.1-70b --hardware nvidia-h100-sxm --tp 4 --weights fp8 --kv fp8 \\
                       --input 1024 --output 128 --batch 64 --explain
            """)

    @Option(help: "Model profile id.") var model: String
    @Option(help: "Hardware profile id.") var hardware: String
    @Option(help: "Engine profile id.") var engine = "vllm"
    @Option(help: "Devices of the replica (default: tp x pp).") var devices: Int?
    @Option(help: "Tensor-parallel degree.") var tp = 1
    @Option(help: "Pipeline-parallel degree.") var pp = 1
    @Option(help: "Expert-parallel degree (MoE models).") var ep = 1
    @Option(name: .customLong("dp-attention"), help: "Data-parallel attention ranks (MoE models; experts spread over tp x ranks).")
    var dpAttention = 1
    @Option(help: "Weight precision.") var weights: PrecisionArgument = .init(.bf16)
    @Option(help: "Activation (compute) precision; default: the weight precision for W8A8/FP8/FP4 schemes, else bf16.")
    var activations: PrecisionArgument?
    @Option(help: "KV-cache precision (default: the activation precision, 16-bit at most).") var kv: PrecisionArgument?
    @Option(help: "Input tokens per request.") var input = 1024
    @Option(help: "Output tokens per request.") var output = 128
    @Option(help: "Requests in the static batch.") var batch = 1
    @Option(name: .customLong("memory-fraction"), help: "Override the engine's memory fraction.") var memoryFraction: Double?
    @Option(name: .customLong("speculative-tokens"), help: "Draft tokens per step of speculative decoding (0: off).")
    var speculativeTokens = 0
    @Option(name: .customLong("speculative-method"), help: "Drafter: mtp or eagle (one decoder layer of the target), or draft-model.")
    var speculativeMethod: SpeculativeMethodArgument = .init(.multiTokenPrediction)
    @Option(name: .customLong("draft-model"), help: "Model profile id of the draft model (with --speculative-method draft-model).")
    var draftModel: String?
    @Option(help: "Acceptance rate per draft position, comma separated (e.g. 0.8,0.6); one value applies to all.")
    var acceptance: String?
    @Flag(help: "Print per operator class its FLOPs, bytes, time, bound and the efficiency used with its source.")
    var explain = false

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let catalog = try global.loadCatalog()
            let efficiencies = try calibration.load(global: global)
            let weightPrecision = weights.precision
            let activationPrecision = activations?.precision
                ?? ([.fp8, .int8, .fp4].contains(weightPrecision) ? weightPrecision : (weightPrecision == .mxfp4 ? .bf16 : .bf16))
            let kvPrecision = kv?.precision ?? (activationPrecision.bits <= 16 ? (activationPrecision == .fp4 ? .fp8 : activationPrecision) : .bf16)
            if let devices, devices != tp * pp * dpAttention {
                throw CLIError("'--devices' (\(devices)) must equal --tp × --pp × --dp-attention (\(tp) × \(pp) × \(dpAttention))")
            }
            do {
                let spec = try DeploymentSpec.resolve(
                    model: model, hardware: hardware, engine: engine, catalog: catalog, efficiencies: efficiencies,
                    weights: weightPrecision, activations: activationPrecision, kvCache: kvPrecision,
                    tensorParallel: tp, pipelineParallel: pp, expertParallel: ep, dataParallelAttention: dpAttention,
                    memoryFraction: memoryFraction,
                    serving: try calibration.loadServing(global: global))
                let stepModel = try StepModel(spec: spec)
                let memory = try MemoryPlan(spec: spec)
                let prediction = try StaticBatchPrediction(model: stepModel, memory: memory, batch: batch,
                                                           inputTokens: input, outputTokens: output,
                                                           speculative: try speculative(target: spec, catalog: catalog))
                print(PredictionReport.text(prediction, spec: spec, explain: explain), terminator: "")
            } catch let error as PerformanceError {
                throw CLIError(error.message)
            }
        }
    }
}

extension Predict {
    func speculative(target: DeploymentSpec, catalog: ProfileCatalog) throws -> SpeculativeDecoding? {
        guard speculativeTokens > 0 else { return nil }
        let rates = (acceptance ?? "").split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !rates.isEmpty, rates.allSatisfy({ (0...1).contains($0) }) else {
            throw CLIError("'--acceptance' must give rates between 0 and 1 for the \(speculativeTokens) draft tokens")
        }
        let perPosition = rates.count == 1 ? Array(repeating: rates[0], count: speculativeTokens) : rates
        guard perPosition.count == speculativeTokens else {
            throw CLIError("'--acceptance' gives \(rates.count) rates for \(speculativeTokens) draft tokens")
        }
        var draft: ModelProfile?
        if let draftModel {
            guard let profile = catalog.model(draftModel) else {
                throw CLIError(Suggestion.unknown("model", draftModel, in: catalog.models.map(\.id)))
            }
            draft = profile
        }
        return try SpeculativeDecoding.make(method: speculativeMethod.method, draftTokens: speculativeTokens, acceptance: perPosition,
                                            target: target, draftModel: draft)
    }
}

struct SpeculativeMethodArgument: ExpressibleByArgument {
    let method: SpeculativeDecoding.Method
    init(_ method: SpeculativeDecoding.Method) { self.method = method }
    init?(argument: String) {
        guard let method = SpeculativeDecoding.Method(rawValue: argument) else { return nil }
        self.method = method
    }
    var defaultValueDescription: String { method.rawValue }
    static var allValueStrings: [String] { SpeculativeDecoding.Method.allCases.map(\.rawValue) }
}

struct PrecisionArgument: ExpressibleByArgument {
    let precision: Precision
    init(_ precision: Precision) { self.precision = precision }
    init?(argument: String) {
        guard let precision = Precision(rawValue: argument) else { return nil }
        self.precision = precision
    }
    static var allValueStrings: [String] { Precision.allCases.map(\.rawValue) }
    var defaultValueDescription: String { precision.rawValue }
}
