/// Reads protobuf wire primitives from a byte array; offsets are from the start of the whole body, so error
/// messages point at the byte a hex dump shows.
struct WireReader {
    let bytes: [UInt8]
    var position: Int
    /// Where the message being read ends (exclusive).
    var end: Int

    init(_ bytes: [UInt8], from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.position = start
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { position >= end }

    mutating func readVarint() throws(KubeProtobufError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw .malformed("truncated varint at byte \(start)") }
            let byte = bytes[position]
            position += 1
            if shift == 63, byte > 1 { throw .malformed("varint at byte \(start) overflows 64 bits") }
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A field's tag; `wireType` is the raw value, checked by the caller against the field it names.
    mutating func readTag() throws(KubeProtobufError) -> (number: Int, wireType: UInt8) {
        let start = position
        let tag = try readVarint()
        let number = tag >> 3
        guard number > 0, number <= 536_870_911 else {
            throw .malformed("invalid field number \(number) at byte \(start)")
        }
        return (Int(number), UInt8(tag & 7))
    }

    /// The range of a length-delimited value's bytes; the reader moves past them.
    mutating func readLengthDelimited() throws(KubeProtobufError) -> Range<Int> {
        let start = position
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw .malformed("truncated value at byte \(start): \(length) bytes announced, \(end - position) left")
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        return range
    }

    mutating func readFixed(_ size: Int) throws(KubeProtobufError) -> UInt64 {
        guard end - position >= size else { throw .malformed("truncated \(size * 8)-bit value at byte \(position)") }
        var value: UInt64 = 0
        for index in 0..<size { value |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += size
        return value
    }

    /// A reader limited to `range` (a nested message).
    /// Reads a field's value and tells whether it was the zero value (0, empty): what an older server
    /// writes for a field Kubernetes has since removed.
    mutating func skipZero(_ wireType: UInt8) throws(KubeProtobufError) -> Bool {
        switch WireType(rawValue: wireType) {
        case .varint: try readVarint() == 0
        case .fixed64: try readFixed(8) == 0
        case .lengthDelimited: try readLengthDelimited().isEmpty
        case .fixed32: try readFixed(4) == 0
        case nil: throw .malformed("wire type \(wireType) is not used by Kubernetes")
        }
    }

    func nested(_ range: Range<Int>) -> WireReader {
        var reader = self
        reader.position = range.lowerBound
        reader.end = range.upperBound
        return reader
    }

    func string(_ range: Range<Int>) -> String {
        // Go replaces invalid UTF-8 with U+FFFD when it writes JSON; decoding repairs the same way.
        String(decoding: bytes[range], as: UTF8.self)
    }
}
