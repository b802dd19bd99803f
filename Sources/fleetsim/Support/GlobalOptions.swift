import ArgumentParser
import Foundation
import FleetProfiles

/// Options every command that reads profiles shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Directory holding hardware/, models/, engines/ and prices/ profiles.",
        discussion: "Defaults to $FLEETSIM_PROFILES, else the Profiles/ directory of the FleetSim checkout this binary was built from.",
        valueName: "dir"))
    var profiles: String?

    /// The profile directory to use.
    func profileDirectory() -> String {
        if let profiles { return profiles }
        if let environment = ProcessInfo.processInfo.environment["FLEETSIM_PROFILES"], !environment.isEmpty { return environment }
        return ProfileDirectory.bundled
    }

    /// Loads and validates every profile.
    func loadCatalog() throws -> ProfileCatalog {
        try ProfileCatalog.load(from: profileDirectory())
    }
}

enum ProfileDirectory {
    /// `Profiles/` of the source tree this binary was compiled from (two levels above this file's folder).
    static var bundled: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Profiles").path
    }
}
