/// The small fixed messages behind Kubernetes' custom JSON types (Quantity, IntOrString, Time, MicroTime,
/// Duration, RawExtension, FieldsV1): their fields read in one pass, without a schema table.
enum WellKnown {
    struct Values {
        let reader: WireReader
        private(set) var varints: [(number: Int, value: UInt64)] = []
        private(set) var ranges: [(number: Int, range: Range<Int>)] = []

        init(reader: WireReader) { self.reader = reader }

        /// The last value of a varint field (protobuf: the last one wins).
        func varint(_ number: Int) -> UInt64? { varints.last { $0.number == number }?.value }
        func bytes(_ number: Int) -> Range<Int>? { ranges.last { $0.number == number }?.range }
        func string(_ number: Int) -> String? { bytes(number).map { reader.string($0) } }
        func all(_ number: Int) -> [Range<Int>] { ranges.filter { $0.number == number }.map(\.range) }

        fileprivate mutating func add(_ number: Int, _ value: UInt64) { varints.append((number, value)) }
        fileprivate mutating func add(_ number: Int, _ range: Range<Int>) { ranges.append((number, range)) }
    }

    /// Reads every field of `name`'s message; `fields` gives the wire type each known number has.
    static func read(
        _ reader: WireReader, _ name: String, _ fields: [Int: WireType]
    ) throws(KubeProtobufError) -> Values {
        var reader = reader
        var values = Values(reader: reader)
        while !reader.isAtEnd {
            let (number, wireType) = try reader.readTag()
            guard let expected = fields[number] else {
                throw KubeProtobufError(
                    .unknownField, "field \(number) of \(name) (wire type \(wireType)) is not known to this server")
            }
            guard wireType == expected.rawValue else {
                throw .malformed("field \(number) of \(name) has wire type \(wireType), expected \(expected.rawValue)")
            }
            switch expected {
            case .varint: values.add(number, try reader.readVarint())
            case .lengthDelimited: values.add(number, try reader.readLengthDelimited())
            case .fixed64, .fixed32: preconditionFailure("no well-known Kubernetes message has fixed-size fields")
            }
        }
        return values
    }
}
