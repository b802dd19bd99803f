import Testing
import FleetProfiles
import FleetUnits
@testable import FleetPerformance

struct KernelCalibrationTests {
    /// Rows made from known parameters are fitted back to those parameters.
    @Test func recoversGemmEfficiencyAndLatencyFromSyntheticRows() throws {
        let h100 = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm"))
        let peak = h100.compute.dense[.fp8]!
        let truth = GemmEfficiency(peakEfficiency: 0.7, fixedLatency: Seconds(6e-6), rows: [])
        let measurements = [1024.0, 2048, 4096, 8192].enumerated().map { index, size in
            let time = KernelModel.gemmTime(m: size, n: size, k: size, precision: .fp8, peak: peak, gemm: truth,
                                            bandwidth: h100.memory.bandwidth! * 0.9, rooflineExponent: .infinity)
            return row(id: "M900\(index)", metric: .gemmTFLOPS, value: 2 * size * size * size / time.value / 1e12,
                       detail: "m=\(Int(size)),n=\(Int(size)),k=\(Int(size)), fp8")
        } + [row(id: "M9010", metric: .memoryBandwidth, value: 3.015, detail: "kernel copy")]
        let fit = KernelCalibration.fit(measurements, catalog: Fixtures.catalog, fittedFrom: "synthetic")
        let gemm = try #require(fit.families["hopper"]?.gemm["fp8"])
        #expect(abs(gemm.peakEfficiency - 0.7) < 1e-6)
        #expect(abs(gemm.fixedLatency.value - 6e-6) < 1e-9)
        #expect(abs((fit.families["hopper"]?.memory?.value ?? 0) - 0.9) < 1e-9)
    }

    @Test func fullMeshAllReduceBandwidthGrowsWithPeers() throws {
        let ascend = try #require(Fixtures.catalog.hardware("huawei-ascend-910b"))
        let link = try #require(ascend.interconnect?.scaleUp)
        let allreduce = AllReduceEfficiency(linkEfficiency: 0.6, latency: Seconds(3e-5), rows: [])
        let two = try #require(allreduce.busBandwidth(devices: 2, link: link))
        let eight = try #require(allreduce.busBandwidth(devices: 8, link: link))
        #expect(abs(eight / two - 7) < 1e-12)
        let h100Link = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm")?.interconnect?.scaleUp)
        #expect(allreduce.busBandwidth(devices: 2, link: h100Link) == allreduce.busBandwidth(devices: 8, link: h100Link))
    }

    @Test func familiesWithoutRowsUseTheirDocumentedPrior() throws {
        let efficiencies = try Document(text: Fixtures.shippedKernelCalibration(), file: "kernels.yaml").decode(KernelEfficiencies.self)
        let resolved = try #require(efficiencies.resolve(family: "gaudi"))
        #expect(resolved.provenance.hasPrefix("prior from hopper"))
        #expect(efficiencies.resolve(family: "hopper")?.provenance == "fitted for hopper")
        // CDNA3 has vendor GEMM rows of its own and borrows only the kernels it lacks.
        #expect(efficiencies.resolve(family: "cdna3")?.provenance == "fitted for cdna3")
    }

    /// The done-when of the performance-model issue: kernel rows reproduced with median |error| ≤ 10 % per
    /// metric (GEMM, memory bandwidth, all-reduce), and the shipped calibration is the fit of those rows.
    @Test(.enabled(if: Fixtures.hasReference))
    func kernelRowsOfTheReferenceAreReproduced() throws {
        let measurements = try Fixtures.referenceMeasurements() + Fixtures.vendorKernelMeasurements() + Fixtures.vidurGemmMeasurements()
        let efficiencies = KernelCalibration.fit(measurements, catalog: Fixtures.catalog,
                                                 fittedFrom: "validation.csv + vendor-kernel-measurements.csv + vidur-gemm-measurements.csv")
        #expect(try YAMLOutput.encode(efficiencies) == Fixtures.shippedKernelCalibration(),
                "Profiles/calibration/kernels.yaml is stale: run fleetsim calibrate --kernels with the three files")
        let validation = KernelValidation(measurements, catalog: Fixtures.catalog, efficiencies: efficiencies)
        #expect(validation.skipped.isEmpty)
        for (metric, summary) in validation.summaryByMetric {
            #expect(summary.median <= 10, "\(metric): median \(summary.median) %")
        }
    }

    /// Vendor GEMM figures at one large shape fix a family's η (never above peak) and leave its fixed latency to the
    /// median of the other families; the kernels it has no rows for come from its prior, which stays listed.
    @Test func aFamilyWithGemmRowsOnlyBorrowsTheRestFromItsPrior() throws {
        let hopper = [
            row(id: "M1", metric: .gemmTFLOPS, value: 1300, detail: "m=8192,n=8192,k=8192, fp8; cuBLASLt"),
            row(id: "M2", metric: .gemmTFLOPS, value: 290, detail: "m=1024,n=1024,k=1024, fp8; cuBLASLt"),
            row(id: "M3", metric: .memoryBandwidth, value: 2900, detail: "STREAM copy"),
        ]
        let amd = [
            row(id: "MV1", metric: .gemmTFLOPS, value: 1273, detail: "m=4096,n=3648,k=32896, fp8", hardware: "amd-mi300x"),
            row(id: "MV2", metric: .gemmTFLOPS, value: 1519, detail: "m=4096,n=3648,k=32896, fp8", hardware: "amd-mi325x"),
        ]
        let fit = KernelCalibration.fit(hopper + amd, catalog: Fixtures.catalog, fittedFrom: "synthetic")
        let cdna3 = try #require(fit.families["cdna3"])
        let gemm = try #require(cdna3.gemm["fp8"])
        // η between the two parts' ratios to the 2614.9 TFLOPS FP8 peak (0.487 and 0.581), never above 1.
        #expect(gemm.peakEfficiency > 0.48 && gemm.peakEfficiency < 0.59)
        #expect(gemm.fixedLatency == fit.families["hopper"]?.gemm["fp8"]?.fixedLatency)
        #expect(cdna3.memory == fit.families["hopper"]?.memory)
        #expect(fit.priors["cdna3"]?.from == "hopper")
    }

    /// GEMMs made at a known roofline exponent, spanning the compute/memory crossover, give that exponent
    /// back, with the family's η and t₀.
    @Test func recoversTheRooflineExponentFromGemmsAcrossTheCrossover() throws {
        let h100 = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm"))
        let peak = h100.compute.dense[.fp16]!
        let truth = GemmEfficiency(peakEfficiency: 0.72, fixedLatency: Seconds(5e-6), rows: [])
        let bandwidth = h100.memory.bandwidth! * 0.9
        var measurements = [row(id: "M9000", metric: .memoryBandwidth, value: 3.015, detail: "kernel copy")]
        for (index, m) in [1.0, 64, 128, 192, 256, 384, 512, 1024, 4096].enumerated() {
            for (offset, (n, k)) in [(57344.0, 8192.0), (8192.0, 28672.0)].enumerated() {
                let time = KernelModel.gemmTime(m: m, n: n, k: k, precision: .fp16, peak: peak, gemm: truth,
                                                bandwidth: bandwidth, rooflineExponent: 2.5)
                measurements.append(row(id: "M91\(index)\(offset)", metric: .gemmTFLOPS, value: 2 * m * n * k / time.value / 1e12,
                                        detail: "m=\(Int(m)),n=\(Int(n)),k=\(Int(k)), fp16"))
            }
        }
        let fit = KernelCalibration.fit(measurements, catalog: Fixtures.catalog, fittedFrom: "synthetic")
        #expect(fit.rooflineExponent?.value == 2.5)
        let gemm = try #require(fit.families["hopper"]?.gemm["fp16"])
        #expect(abs(gemm.peakEfficiency - 0.72) < 1e-6)
        #expect(abs(gemm.fixedLatency.value - 5e-6) < 1e-9)
        // The rows far from the crossover (1 and 4096 tokens) do not decide the exponent.
        #expect(fit.rooflineExponent?.rows.contains("M9100") == false)
        #expect(fit.rooflineExponent?.rows.contains("M9130") == true)
    }

    /// Large GEMMs alone cannot tell the exponent: the fit leaves it out, and the calibration then uses the
    /// hard roofline `max(c, m)`, as a calibration file written before the exponent existed does.
    @Test func withoutRowsNearTheCrossoverTheRooflineStaysHard() throws {
        let rows = [row(id: "M1", metric: .gemmTFLOPS, value: 1300, detail: "m=8192,n=8192,k=8192, fp8; cuBLASLt"),
                    row(id: "M2", metric: .memoryBandwidth, value: 2900, detail: "STREAM copy")]
        let fit = KernelCalibration.fit(rows, catalog: Fixtures.catalog, fittedFrom: "synthetic")
        #expect(fit.rooflineExponent == nil)
        #expect(fit.resolve(family: "hopper")?.efficiency.rooflineExponent == .infinity)
        let text = try YAMLOutput.encode(fit)
        #expect(!text.contains("roofline_exponent"))
        let decoded = try Document(text: text, file: "kernels.yaml").decode(KernelEfficiencies.self)
        #expect(decoded.rooflineExponent == nil)
        #expect(decoded.resolve(family: "hopper")?.efficiency.rooflineExponent == .infinity)
    }

    @Test func anExponentBelowOneIsRefused() throws {
        let text = try YAMLOutput.encode(KernelCalibration.fit([], catalog: Fixtures.catalog, fittedFrom: "none"))
            + "roofline_exponent:\n  value: 0.5\n  rows: []\n"
        #expect {
            try Document(text: text, file: "kernels.yaml").decode(KernelEfficiencies.self)
        } throws: { error in
            "\(error)".contains("'roofline_exponent' must be at least 1")
        }
    }

    /// FlashAttention-2 rows fit the portable attention efficiency, architecture-specific kernels (FA3,
    /// FlashMLA) the one serving engines reach: `η∞·S/(S + S₀)` at `S` query tokens, a row without a length
    /// counting at long sequences. Each row is predicted from its own fit.
    @Test func architectureSpecificAttentionKernelsFitTheirOwnEfficiency() throws {
        let peak = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm")?.compute.dense[.bf16]).value / 1e12
        let truth = AttentionKernelEfficiency(value: 0.64, overheadTokens: 500, rows: [])
        let measurements = [
            row(id: "M1", metric: .attentionTFLOPS, value: 0.33 * peak, detail: "head_dim=128", engine: "flash-attention", engineVersion: "2.0"),
            row(id: "M2", metric: .attentionTFLOPS, value: truth.efficiency(sequence: 1024) * peak, detail: "causal, seq=1024",
                engine: "flash-attention", engineVersion: "3"),
            row(id: "M3", metric: .attentionTFLOPS, value: truth.efficiency(sequence: 8192) * peak, detail: "causal, seq=8192",
                engine: "flash-attention", engineVersion: "3"),
            row(id: "M4", metric: .attentionTFLOPS, value: 0.64 * peak, detail: "MLA decode, compute-bound", engine: "flashmla"),
        ]
        #expect(measurements.map { KernelShape.of($0) }
                == [.attention, .servingAttention(sequence: 1024), .servingAttention(sequence: 8192), .servingAttention(sequence: nil)])
        let fit = KernelCalibration.fit(measurements, catalog: Fixtures.catalog, fittedFrom: "synthetic")
        let hopper = try #require(fit.families["hopper"])
        #expect(abs((hopper.attention?.value ?? 0) - 0.33) < 1e-12)
        let serving = try #require(hopper.servingAttention)
        #expect(abs(serving.value - 0.64) < 1e-9 && abs(serving.overheadTokens - 500) < 1e-6)
        #expect(serving.rows == ["M2", "M3", "M4"])
        let h100 = try #require(Fixtures.catalog.hardware("nvidia-h100-sxm"))
        for measurement in measurements {
            let predicted = try KernelModel.predict(measurement, hardware: h100, efficiencies: fit)
            #expect(abs(predicted / measurement.value - 1) < 1e-9)
        }
        // Without architecture-specific rows, engines are timed with the portable kernel's efficiency.
        #expect(FamilyEfficiency(attention: FittedValue(value: 0.3, rows: [])).engineAttention?.efficiency(sequence: 100) == 0.3)
        #expect(KernelShape.isArchitectureSpecific(engine: "flash-attention", version: nil) == false)
        #expect(KernelShape.isArchitectureSpecific(engine: "cuDNN", version: "9.13") == true)
    }

    func row(id: String, metric: PublishedMeasurement.Metric, value: Double, detail: String,
             hardware: String = "nvidia-h100-sxm", engine: String = "cublas", engineVersion: String? = nil) -> PublishedMeasurement {
        PublishedMeasurement(rawID: id, line: 2, engine: engine, engineVersion: engineVersion, model: nil, hardware: hardware,
                    devices: 1, tensorParallel: nil, pipelineParallel: nil, expertParallel: nil, weightPrecision: nil,
                    activationPrecision: nil, kvPrecision: nil, workload: nil, inputTokens: nil, outputTokens: nil,
                    mode: .kernel, load: nil, metric: metric, value: value, detail: detail, sourceDate: "2025")
    }
}
