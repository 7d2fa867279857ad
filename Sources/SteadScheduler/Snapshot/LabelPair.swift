/// One `key=value` label, the key of the snapshot's pod label index.
public struct LabelPair: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
