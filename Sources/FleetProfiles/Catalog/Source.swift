/// Where a value came from: a URL or precise document reference, and the date of that source.
public struct Source: Codable, Hashable, Sendable, CustomStringConvertible {
    /// URL or document reference (title, section, table).
    public let locator: String
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public let date: String

    public init(locator: String, date: String) {
        self.locator = locator
        self.date = date
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        locator = try container.decode(String.self, forKey: .locator)
        // YAML reads an unquoted 2024 as an integer and 2024-07-23 as a timestamp: keep the text.
        if let year = try? container.decode(Int.self, forKey: .date) {
            date = String(year)
        } else {
            date = try container.decode(String.self, forKey: .date)
        }
    }

    /// Whether `date` has one of the accepted shapes.
    public var hasValidDate: Bool { Source.isValidDate(date) }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
    public static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1950...2100).contains(year)
        else { return false }
        if parts.count >= 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false } }
        if parts.count == 3 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false } }
        return true
    }

    /// The one message for a date of another shape: `'NAME' 'TEXT' must be YYYY, YYYY-MM or YYYY-MM-DD`.
    public static func invalidDateMessage(_ name: String, _ text: String) -> String {
        "'\(name)' '\(text)' must be YYYY, YYYY-MM or YYYY-MM-DD"
    }

    public var description: String { "\(locator) (\(date))" }
}

/// A group of values that shares its sources and an optional note on disagreements.
public protocol Sourced {
    var sources: [Source] { get }
    var note: String? { get }
}
