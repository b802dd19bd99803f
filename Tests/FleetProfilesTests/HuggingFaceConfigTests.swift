import Foundation
import Testing
@testable import FleetProfiles

struct HuggingFaceConfigTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hf-configs")
    static let catalog: ProfileCatalog = {
        do { return try ProfileCatalog.load(from: RepositoryPaths.profiles) } catch { preconditionFailure("\(error)") }
    }()

    /// The shipped configs are verbatim copies of published config.json files; importing each must give
    /// the architecture of the hand-checked profile of the same model (dense, MoE, MLA, sliding window).
    @Test(arguments: ["llama-3.1-8b", "qwen2.5-7b", "mixtral-8x7b", "deepseek-v3", "qwen3-30b-a3b", "gpt-oss-120b"])
    func importedArchitectureMatchesTheBundledProfile(id: String) throws {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("\(id).json"))
        let imported = try HuggingFaceConfig.profile(
            json: data, id: id, name: nil, provenance: .init(locator: "test", date: "2024"))
        let bundled = try #require(Self.catalog.model(id))
        #expect(imported.architecture == bundled.architecture)
        #expect(imported.checkpointPrecision == bundled.checkpointPrecision)
    }

    @Test func readsMixtureOfExpertsLatentAttentionAndSlidingWindows() throws {
        let deepseek = try HuggingFaceConfig.profile(
            json: Data(contentsOf: Self.fixtures.appendingPathComponent("deepseek-v3.json")), id: nil, name: nil,
            provenance: .init(locator: "test", date: "2024"))
        #expect(deepseek.architecture.moe == MixtureOfExperts(
            routedExperts: 256, expertsPerToken: 8, sharedExperts: 1, expertIntermediateSize: 2048,
            sharedExpertIntermediateSize: nil, denseLayers: 3))
        #expect(deepseek.architecture.mla?.cachedElementsPerToken == 576)
        #expect(deepseek.checkpointPrecision == .fp8)
        #expect(deepseek.family == "deepseek")
        let gptOSS = try HuggingFaceConfig.profile(
            json: Data(contentsOf: Self.fixtures.appendingPathComponent("gpt-oss-120b.json")), id: nil, name: nil,
            provenance: .init(locator: "test", date: "2024"))
        #expect(gptOSS.architecture.slidingWindow == SlidingWindow(window: 128, layers: .alternate))
        #expect(gptOSS.checkpointPrecision == .mxfp4)
    }

    @Test func rejectsConfigsWithoutTheShapeOfADecoder() {
        #expect(throws: HuggingFaceConfig.ImportError(message: "missing or non-integer 'num_hidden_layers'")) {
            try HuggingFaceConfig.profile(json: Data(#"{"hidden_size": 8}"#.utf8), id: "x", name: nil,
                                          provenance: .init(locator: "t", date: "2024"))
        }
        #expect(throws: HuggingFaceConfig.ImportError(message: "the file is not valid JSON")) {
            try HuggingFaceConfig.profile(json: Data("{".utf8), id: "x", name: nil, provenance: .init(locator: "t", date: "2024"))
        }
    }
}
