/// Prefix-cache hits of the workload (`workload.prefix_cache`): the share of prompt tokens whose KV a
/// deployment with prefix caching already holds, as vLLM's prefix-cache hit rate counts them.
public struct PrefixCache: Codable, Sendable, Equatable {
    /// Share of each request's prompt tokens found in the cache, in [0, 1).
    public var hitRate: Double

    enum CodingKeys: String, CodingKey { case hitRate = "hit_rate" }

    public init(hitRate: Double) { self.hitRate = hitRate }
}
