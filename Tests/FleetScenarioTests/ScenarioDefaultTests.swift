import Testing
import FleetProfiles
@testable import FleetScenario

struct ScenarioDefaultTests {
    /// swift-format's `testDefaultConfigurationIsSameAsEmptyDecode`: defaults live in one place.
    @Test func emptyScenarioDecodesToTheDefaults() throws {
        let empty = try Document(text: "", file: "empty.yaml").decode(Scenario.self)
        #expect(empty == Scenario.default)
        let emptyMapping = try Document(text: "{}", file: "empty.json").decode(Scenario.self)
        #expect(emptyMapping == Scenario.default)
    }

    @Test func validScenarioLoadsAndResolvesEngineDefaults() throws {
        let scenario = try ScenarioLoader.load(text: Fixtures.valid, file: "valid.yaml", catalog: Fixtures.catalog)
        let vllm = try #require(Fixtures.catalog.engine("vllm"))
        #expect(scenario.deployments[0].scheduling.maxSequences == vllm.scheduling.maxSequences)
        #expect(scenario.deployments[0].scheduling.memoryFraction == vllm.scheduling.memoryFraction)
        #expect(scenario.options.map(\.name) == ["own", "rent", "tokens"])
    }

    @Test func effectiveScenarioLoadsAgainToItself() throws {
        let document = try ScenarioDocument(document: Document(text: Fixtures.valid, file: "valid.yaml"), catalog: Fixtures.catalog)
        let printed = try document.yaml(effective: true)
        let reloaded = try ScenarioDocument(document: Document(text: printed, file: "effective.yaml"), catalog: Fixtures.catalog)
        #expect(reloaded.scenario == document.effective)
        #expect(try reloaded.yaml(effective: true) == printed)
    }

    @Test func jsonAndYAMLReadTheSameSchema() throws {
        let json = """
            {"version": 1, "name": "json", "workload": {"input_tokens": 512, "output_tokens": {"shape": "uniform", "min": 10, "max": 20}}}
            """
        let scenario = try Document(text: json, file: "s.json").decode(Scenario.self)
        #expect(scenario.workload.inputTokens == .fixed(512))
        #expect(scenario.workload.outputTokens == LengthDistribution(shape: .uniform, minimum: 10, maximum: 20))
    }
}
