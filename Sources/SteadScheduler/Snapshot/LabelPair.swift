/// One `key=value` label, the key of the snapshot's pod label index.
struct LabelPair: Sendable, Hashable {
    var key: String
    var value: String

    init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
