/// An accelerator vendor.
public enum Vendor: String, Codable, Sendable, CaseIterable {
    case nvidia, amd, intel, huawei
}
