import Testing
import FleetProfiles
import FleetUnits

struct ProfileCatalogTests {
    let catalog: ProfileCatalog

    init() throws {
        catalog = try ProfileCatalog.load(from: RepositoryPaths.profiles)
    }

    @Test func everyBundledProfileLoadsAndValidates() {
        #expect(catalog.hardware.count >= 25)
        #expect(catalog.models.count >= 17)
        #expect(catalog.engines.count >= 5)
        #expect(!catalog.priceItems.isEmpty)
    }

    @Test func catalogueCoversTheReferenceHardwareIds() {
        let required = [
            "nvidia-a100-sxm-40gb", "nvidia-a100-sxm-80gb", "nvidia-a100-pcie-80gb", "nvidia-a800-sxm-80gb",
            "nvidia-h100-sxm", "nvidia-h100-pcie", "nvidia-h100-nvl", "nvidia-h200-sxm", "nvidia-h200-nvl",
            "nvidia-gh200-96gb", "nvidia-gh200-144gb", "nvidia-h800-sxm", "nvidia-h20", "nvidia-b200", "nvidia-gb200",
            "nvidia-gb300", "nvidia-l40s", "nvidia-l4", "nvidia-rtx-pro-6000", "nvidia-rtx-4090", "amd-mi300x",
            "amd-mi325x", "amd-mi355x", "intel-gaudi3", "huawei-ascend-910a", "huawei-ascend-910b", "huawei-ascend-910c",
            "huawei-ascend-310p",
        ]
        let ids = Set(catalog.hardware.map(\.id))
        #expect(required.filter { !ids.contains($0) } == [])
        #expect(catalog.hardware.filter { $0.vendor == .huawei }.count >= 4)
    }

    @Test func catalogueCoversTheReferenceModelIds() {
        let required = ["llama-2-7b", "llama-2-70b", "llama-3-8b", "llama-3-70b", "llama-3.1-8b", "llama-3.1-70b",
                        "llama-3.1-405b", "llama-3.3-70b", "mistral-7b", "mixtral-8x7b", "qwen3-32b", "qwen3-30b-a3b",
                        "qwen3-235b-a22b", "qwen3-coder-480b-a35b", "deepseek-v3", "deepseek-v3.2", "gpt-oss-120b"]
        let ids = Set(catalog.models.map(\.id))
        #expect(required.filter { !ids.contains($0) } == [])
    }

    @Test func everyValueGroupHasDatedSources() {
        for profile in catalog.hardware {
            for (path, group) in profile.sourcedGroups {
                #expect(!group.sources.isEmpty, "\(profile.id) \(path)")
                #expect(group.sources.allSatisfy { $0.hasValidDate }, "\(profile.id) \(path)")
            }
        }
        for profile in catalog.models { #expect(!profile.sources.isEmpty && profile.sources.allSatisfy { $0.hasValidDate }, "\(profile.id)") }
        for item in catalog.priceItems { #expect(!item.sources.isEmpty, "\(item.id)") }
    }

    @Test func everyNumberIsFiniteAndPositive() {
        for profile in catalog.hardware {
            #expect(profile.memory.capacity.value > 0 && profile.memory.capacity.isFinite, "\(profile.id)")
            #expect(profile.compute.dense.values.allSatisfy { $0.value > 0 && $0.isFinite }, "\(profile.id)")
            if let board = profile.power.board { #expect(board.value > 0 && board.isFinite, "\(profile.id)") }
        }
        for item in catalog.priceItems { #expect(item.value.magnitudes.allSatisfy { $0 > 0 && $0.isFinite }, "\(item.id)") }
    }

    /// Datasheet figures of the H100 SXM (NVIDIA Hopper whitepaper via shared/reference/hardware.csv).
    @Test func h100DatasheetFiguresAreDense() throws {
        let h100 = try #require(catalog.hardware("nvidia-h100-sxm"))
        #expect(h100.memory.capacity == Bytes.gigabytes(80))
        #expect(abs(h100.memory.bandwidth!.value - 3.35e12) < 1e6)
        #expect(abs(h100.compute.dense[.bf16]!.value - 989.4e12) < 1e9)
        #expect(h100.compute.dense[.fp4] == nil)
        #expect(h100.power.board == Watts(700))
    }

    @Test func a100LacksFP8() throws {
        #expect(try #require(catalog.hardware("nvidia-a100-sxm-80gb")).compute.dense[.fp8] == nil)
    }
}
