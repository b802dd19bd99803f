import FleetProfiles

/// How a deployment's router picks the replica (lane) for each arriving request.
public enum RoutingPolicy: String, Codable, Sendable, CaseIterable {
    /// Requests go to the lanes in turn, whatever their state (the lanes are simulated independently).
    case roundRobin = "round-robin"
    /// The lane with the fewest requests received and not finished, as the router sees them at the
    /// arrival (requests of a step still running count as unfinished).
    case leastOutstanding = "least-outstanding"
    /// The lane with the least KV-cache demand at the arrival: tokens in the KV blocks its running
    /// sequences hold plus the prompt tokens waiting for admission.
    case leastKVCache = "least-kv"

    /// Decodes a policy name; an unknown one is an error that lists the policies and suggests the closest.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let policy = RoutingPolicy(rawValue: name) else {
            let names = Self.allCases.map(\.rawValue)
            throw DecodingError.dataCorruptedError(in: container, debugDescription:
                Suggestion.unknown("router", name, in: names) + "; expected one of \(names.joined(separator: ", "))")
        }
        self = policy
    }
}
