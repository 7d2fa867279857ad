/// What happens to the PVCs of `volumeClaimTemplates` when the set is deleted or scaled down.
public struct PersistentVolumeClaimRetentionPolicy: Codable, Sendable, Hashable {
    public var whenDeleted: RetentionPolicyType?
    public var whenScaled: RetentionPolicyType?

    public init(whenDeleted: RetentionPolicyType? = nil, whenScaled: RetentionPolicyType? = nil) {
        self.whenDeleted = whenDeleted
        self.whenScaled = whenScaled
    }
}

public struct RetentionPolicyType: OpenEnum {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let retain = RetentionPolicyType(rawValue: "Retain")
    public static let delete = RetentionPolicyType(rawValue: "Delete")
    public static var allowed: [RetentionPolicyType] { [.retain, .delete] }
}
