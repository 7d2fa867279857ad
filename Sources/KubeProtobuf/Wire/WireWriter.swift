/// Appends protobuf wire primitives to a byte array.
struct WireWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func writeTag(_ number: Int, _ wireType: WireType) {
        writeVarint(UInt64(number) << 3 | UInt64(wireType.rawValue))
    }

    mutating func writeVarintField(_ number: Int, _ value: UInt64) {
        writeTag(number, .varint)
        writeVarint(value)
    }

    mutating func writeBytesField(_ number: Int, _ value: some Collection<UInt8>) {
        writeTag(number, .lengthDelimited)
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func writeStringField(_ number: Int, _ value: String) {
        writeBytesField(number, value.utf8)
    }

    /// A length-delimited field whose content `body` writes: one byte is kept for the length and the
    /// content moved when its length needs more.
    mutating func writeMessageField<E: Error>(
        _ number: Int, _ body: (inout WireWriter) throws(E) -> Void
    ) throws(E) {
        writeTag(number, .lengthDelimited)
        let lengthAt = bytes.count
        bytes.append(0)
        try body(&self)
        let length = bytes.count - lengthAt - 1
        if length < 0x80 {
            bytes[lengthAt] = UInt8(length)
        } else {
            var prefix = WireWriter(capacity: 10)
            prefix.writeVarint(UInt64(length))
            bytes.replaceSubrange(lengthAt..<(lengthAt + 1), with: prefix.bytes)
        }
    }
}
