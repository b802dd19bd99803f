import FleetUnits

/// A kind of link between accelerators.
public enum LinkKind: String, Codable, Sendable, CaseIterable {
    case nvswitch, nvlinkBridge = "nvlink-bridge", hccsMesh = "hccs-mesh", unifiedBus = "unified-bus"
    case infinityFabric = "infinity-fabric", gaudiRoce = "gaudi-roce", pcie, infiniband, roce, ethernet
}

/// Links of one device to its peers.
public struct LinkSpec: Codable, Sendable, Sourced {
    public let kind: LinkKind
    /// Per device, per direction; absent where no source gives the rate (the link kind is still known).
    public let bandwidth: BytesPerSecond?
    /// Devices reachable over this link kind (scale-up domain size), where stated.
    public let domain: Int?
    public let sources: [Source]
    public let note: String?
}

/// Links inside a server or scale-up domain, and between servers.
public struct InterconnectSpec: Codable, Sendable {
    public let scaleUp: LinkSpec?
    public let scaleOut: LinkSpec?

    enum CodingKeys: String, CodingKey {
        case scaleUp = "scale_up", scaleOut = "scale_out"
    }
}
