/// The four kinds of profile, each a folder of `Profiles/`.
public enum ProfileKind: String, CaseIterable, Sendable {
    case hardware, models, engines, prices
}
