import Foundation
import Testing
import FleetUnits
@testable import FleetProfiles

/// A lower-power variant of one silicon computes at no more than its full-power sibling slowed to its board power.
struct SameSiliconTests {
    static func part(_ id: String, board: Double, idle: Double? = nil, bf16: Double, fp8: Double? = nil, variantOf: String? = nil) throws -> HardwareProfile {
        let yaml = """
            id: \(id)
            name: \(id)
            vendor: nvidia
            family: hopper
            memory: {capacity: 80 GB, bandwidth: 3 TB/s, sources: [{locator: x, date: 2024}]}
            compute: {dense: {bf16: \(bf16) TFLOPS\(fp8.map { ", fp8: \($0) TFLOPS" } ?? "")}, sources: [{locator: x, date: 2024}]}
            power: {board: \(board) W\(idle.map { ", idle: \($0) W" } ?? ""), sources: [{locator: x, date: 2024}]}
            \(variantOf.map { "same_silicon_as: {hardware: \($0), sources: [{locator: x, date: 2024}]}" } ?? "")

            """
        return try Document(text: yaml, file: "\(id).yaml").decode(HardwareProfile.self)
    }

    @Test func eachRateIsBoundedByTheReferenceUnderTheCurve() throws {
        let curve = PowerCapCurve(computeExponent: 0.5, bandwidthExponent: 0)
        let reference = try Self.part("full", board: 700, idle: 100, bf16: 1000, fp8: 2000)
        // Headroom (400 − 100) / (700 − 100) = 0.5; √0.5 = 0.7071: bf16 707.1 < 800 is bounded, fp8 1414.2 > 1400 is not.
        let variant = try Self.part("low", board: 400, bf16: 800, fp8: 1400, variantOf: "full")
        let sustained = curve.sustained(variant, sameSiliconAs: reference)
        #expect(abs(sustained.compute.dense[.bf16]!.value / 1e12 - 1000 * 0.5.squareRoot()) < 1e-6)
        #expect(sustained.compute.dense[.fp8] == variant.compute.dense[.fp8])
        #expect(sustained.compute.note?.contains("bf16 sustained at 400 W") == true)
        // Memory and power are the variant's own.
        #expect(sustained.memory.bandwidth == variant.memory.bandwidth)
        #expect(sustained.power.board == variant.power.board)
    }

    @Test func aVariantAtTheReferencePowerOrAboveIsUnchanged() throws {
        let curve = PowerCapCurve(computeExponent: 0.5, bandwidthExponent: 0)
        let reference = try Self.part("full", board: 700, bf16: 1000)
        let variant = try Self.part("same", board: 700, bf16: 1200, variantOf: "full")
        #expect(curve.sustained(variant, sameSiliconAs: reference).compute.dense[.bf16] == variant.compute.dense[.bf16])
    }

    /// The shipped H100 NVL (400 W) is bounded by the H100 SXM (700 W) under the shipped curve, below its datasheet.
    @Test func theShippedH100NVLComputesBelowItsDatasheet() throws {
        let catalog = try ProfileCatalog.load(from: RepositoryPaths.profiles)
        let nvl = try #require(catalog.hardware("nvidia-h100-nvl"))
        let sxm = try #require(catalog.hardware("nvidia-h100-sxm"))
        let curve = try #require(catalog.powerCapCurve)
        let sustained = catalog.sustained(nvl)
        let headroom = (400 - (sxm.power.idle?.value ?? 0)) / (700 - (sxm.power.idle?.value ?? 0))
        let expected = sxm.compute.dense[.fp8]!.value * pow(headroom, curve.computeExponent)
        #expect(abs(sustained.compute.dense[.fp8]!.value / expected - 1) < 1e-12)
        #expect(sustained.compute.dense[.fp8]!.value < nvl.compute.dense[.fp8]!.value)
        // A part that is no variant is returned as it is.
        #expect(catalog.sustained(sxm).compute.dense[.fp8] == sxm.compute.dense[.fp8])
    }
}
