import FleetUnits

/// Plain-text listings of profiles for `fleetsim profiles list` and `show`: a table per kind, and one
/// profile in full with the sources of every value group.
public enum ProfileListing {
    /// One aligned table of the profiles of `kind`.
    public static func table(_ kind: ProfileKind, in catalog: ProfileCatalog) -> String {
        switch kind {
        case .hardware:
            return TextTable(header: ["id", "name", "memory", "bandwidth", "bf16 dense", "fp8 dense", "board power"],
                             rows: catalog.hardware.map { h in
                                 [h.id, h.name, h.memory.capacity.description, h.memory.bandwidth?.description ?? "-",
                                  h.compute.dense[.bf16]?.description ?? "-", h.compute.dense[.fp8]?.description ?? "-",
                                  h.power.board?.description ?? "-"]
                             }).render()
        case .models:
            return TextTable(header: ["id", "name", "layers", "hidden", "heads/kv", "experts", "vocabulary"],
                             rows: catalog.models.map { m in
                                 let a = m.architecture
                                 let experts = a.moe.map { "\($0.expertsPerToken)/\($0.routedExperts)" } ?? "-"
                                 return [m.id, m.name, "\(a.layers)", "\(a.hiddenSize)", "\(a.attentionHeads)/\(a.kvHeads)",
                                         experts, "\(a.vocabulary)"]
                             }).render()
        case .engines:
            return TextTable(header: ["id", "name", "version", "max sequences", "max batched tokens", "block", "memory"],
                             rows: catalog.engines.map { e in
                                 let s = e.scheduling
                                 return [e.id, e.name, e.version, s.maxSequences.map(String.init) ?? "-",
                                         s.maxBatchedTokens.map(String.init) ?? "-", s.kvBlockSize.map(String.init) ?? "-",
                                         s.memoryFraction.map { UnitFormatter.number($0) } ?? "-"]
                             }).render()
        case .prices:
            return TextTable(header: ["id", "kind", "for", "figure", "region", "date"],
                             rows: catalog.priceItems.map { p in
                                 let subject = p.hardware.map { h in p.devices.map { "\($0)x \(h)" } ?? h }
                                     ?? p.model ?? p.provider ?? "-"
                                 return [p.id, p.kind.rawValue, subject, p.value.summary, p.region ?? "-", p.date ?? "-"]
                             }).render()
        }
    }

    /// The ids of every profile, for suggestions.
    public static func allIDs(in catalog: ProfileCatalog) -> [String] {
        catalog.hardware.map(\.id) + catalog.models.map(\.id) + catalog.engines.map(\.id)
            + catalog.priceSheets.map(\.id) + catalog.priceItems.map(\.id)
    }
}
