/// "Did you mean" for unknown ids and keys.
public enum Suggestion {
    /// The best guess at what `word` meant: a candidate that contains it (the shortest — `h100-sxm` is
    /// most likely `nvidia-h100-sxm`), else the closest by edit distance if that is close enough to be a
    /// plausible typo (at most a third of the longer word, at least 2).
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        let containing = candidates.filter { $0.lowercased().contains(lowered) }
        if let shortest = containing.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.candidate) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let limit = max(2, max(word.count, best.candidate.count) / 3)
        if best.distance <= limit { return best.candidate }
        let contained = candidates.filter { lowered.contains($0.lowercased()) }
        return contained.max { ($0.count, $1) < ($1.count, $0) }
    }

    /// `"; did you mean 'x'?"` or the empty string.
    public static func phrase(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The one message for an id or key that names nothing known: `unknown KIND 'WORD'`, followed by
    /// ``phrase(for:in:)``. Every "unknown hardware", "unknown model", "unknown key" … error is this text.
    public static func unknown(_ kind: String, _ word: String, in candidates: some Sequence<String>) -> String {
        "unknown \(kind) '\(word)'\(phrase(for: word, in: candidates))"
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
