/// How pods are created and removed when scaling: one at a time in ordinal order, or all at once.
public struct PodManagementPolicy: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let orderedReady = PodManagementPolicy(rawValue: "OrderedReady")
    public static let parallel = PodManagementPolicy(rawValue: "Parallel")
    public static var allowed: [PodManagementPolicy] { [.orderedReady, .parallel] }
}
