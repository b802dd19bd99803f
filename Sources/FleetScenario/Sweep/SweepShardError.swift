/// Why a shard specification was refused.
public enum SweepShardError: Error, Equatable, Sendable {
    case malformed(String)
    case outOfRange(index: Int, count: Int)

    /// Lower-case, quotes the value, says what is allowed.
    public var message: String {
        switch self {
        case let .malformed(text):
            "shard '\(text)' is not of the form K/N (for example 2/4: the second of four shards)"
        case let .outOfRange(index, count) where count < 1:
            "shard '\(index)/\(count)': the number of shards must be at least 1"
        case let .outOfRange(index, count):
            "shard '\(index)/\(count)': K must be between 1 and \(count)"
        }
    }
}
