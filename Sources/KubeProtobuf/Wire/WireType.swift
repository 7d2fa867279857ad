/// The protobuf wire types Kubernetes uses (groups, 3 and 4, are never written by it and are rejected).
enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case fixed32 = 5
}
