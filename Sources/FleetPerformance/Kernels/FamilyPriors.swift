/// Families without kernel measurements borrow the figures of the nearest measured family. Each choice
/// is a judgement, stated with its reason and shown by `--explain`; a calibration on the family's own
/// rows replaces it.
public enum FamilyPriors {
    public static let table: [String: Prior] = [
        "ada": Prior(from: "ampere", reason: "no kernel rows; Ada tensor cores and cuBLAS stack are closest to Ampere's"),
        "blackwell-ultra": Prior(from: "blackwell", reason: "no kernel rows; same Blackwell tensor-core generation and software"),
        "cdna3": Prior(from: "hopper", reason: "no attention or all-reduce rows for MI300X/MI325X (their GEMM rows are AMD's published max-achievable FLOPs; their memory rows are Azure's BabelStream runs); HBM3 accelerator of the same generation as Hopper"),
        "cdna4": Prior(from: "blackwell", reason: "no kernel rows for MI355X; HBM3E accelerator of the same generation as Blackwell"),
        "gaudi": Prior(from: "hopper", reason: "no kernel rows for Gaudi 3; HBM2E accelerator contemporary with Hopper"),
        "ascend-910": Prior(from: "ascend-910b", reason: "no kernel rows for the 910A; same Da Vinci cube architecture as the 910B"),
        "ascend-910c": Prior(from: "ascend-910b", reason: "no kernel rows for the 910C; two 910B-class dies per package"),
        "ascend-310": Prior(from: "ascend-910b", reason: "no kernel rows for the 310P; same Da Vinci architecture as the 910B"),
    ]
}
