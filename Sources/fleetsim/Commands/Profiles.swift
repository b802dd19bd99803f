import ArgumentParser
import FleetProfiles

struct Profiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List or show the bundled profiles of hardware, models, engines and prices.",
        subcommands: [List.self, Show.self, Check.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List profiles as a table.",
            discussion: "Example: fleetsim profiles list hardware")

        @Argument(help: "hardware, models, engines or prices; all four when omitted.")
        var kind: ProfileKindArgument?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Failure.reporting {
                let catalog = try global.loadCatalog()
                let kinds = kind.map { [$0.kind] } ?? ProfileKind.allCases
                print(kinds.map { "# \($0.rawValue)\n" + ProfileListing.table($0, in: catalog) }.joined(separator: "\n"),
                      terminator: "")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one profile in full, with the source of every value group.",
            discussion: "Example: fleetsim profiles show nvidia-h100-sxm")

        @Argument(help: "A hardware, model, engine, price-sheet or price-item id.")
        var id: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Failure.reporting {
                let catalog = try global.loadCatalog()
                guard let text = try ProfileDetail.yaml(of: id, in: catalog) else {
                    throw CLIError(Suggestion.unknown("profile", id, in: ProfileListing.allIDs(in: catalog)))
                }
                print(text, terminator: "")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load and validate every profile; print every problem found.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            try Failure.reporting {
                let catalog = try global.loadCatalog()
                print("\(catalog.hardware.count) hardware, \(catalog.models.count) models, \(catalog.engines.count) engines, "
                      + "\(catalog.priceItems.count) price items in \(catalog.priceSheets.count) sheets: all valid")
            }
        }
    }
}

struct ProfileKindArgument: ExpressibleByArgument {
    let kind: ProfileKind
    init?(argument: String) {
        guard let kind = ProfileKind(rawValue: argument) else { return nil }
        self.kind = kind
    }
    static var allValueStrings: [String] { ProfileKind.allCases.map(\.rawValue) }
}
