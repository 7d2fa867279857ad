/// One field of a message as the schema tables declare it: `number: (jsonName, spec)`.
///
/// The spec reads like the Go field it stands for: `.string`, `.int32.omitEmpty`, `.repeated(.message("Container"))`,
/// `.map(.quantity)`, `.inline("LocalObjectReference")`.
struct FieldSpec: Sendable, Equatable {
    /// What one value of the field is, on the wire and in JSON.
    enum Value: Sendable, Equatable {
        case string
        /// Bytes on the wire, base64 text in JSON (Secret `data`, ConfigMap `binaryData`).
        case bytes
        case bool
        /// A varint holding a signed 32-bit number (negative numbers take ten bytes, as in Go).
        case int32
        case int64
        /// A message of the schema, by its (unique) name.
        case message(String)
        /// resource.Quantity: `{1: string}` on the wire, the string in JSON.
        case quantity
        /// intstr.IntOrString: `{1: type, 2: intVal, 3: strVal}`, a number or a string in JSON.
        case intOrString
        /// meta/v1 Time: `{1: seconds, 2: nanos}`, RFC 3339 to the second in JSON; an empty message is `null`.
        case time
        /// meta/v1 MicroTime: as Time, with six fractional digits in JSON.
        case microTime
        /// meta/v1 Duration: `{1: nanoseconds}`, a Go duration string ("1h2m3s") in JSON.
        case duration
        /// runtime.RawExtension: `{1: raw}` holding JSON (or an enveloped object), the embedded JSON in JSON.
        case rawExtension
        /// meta/v1 FieldsV1: `{1: Raw}` holding JSON, the embedded JSON object in JSON.
        case fieldsV1
        /// A message `{1: repeated string items}` that Go declares as a named `[]string` (authentication
        /// AttestationValue): an array of strings in JSON.
        case stringList
        /// float64: a fixed64 IEEE 754 double on the wire, a number in JSON.
        case double
        /// apiextensions/v1 JSON: `{1: raw}` holding JSON, any JSON value in JSON; an empty message is `null`.
        case json
        /// apiextensions/v1 JSONSchemaPropsOrArray: `{1: schema, 2: repeated schemas}`, the schema (a message
        /// of this name) or the array of schemas in JSON.
        case schemaOrArray(String)
        /// apiextensions/v1 JSONSchemaPropsOrBool: `{1: allows, 2: schema}`, the schema or the bool in JSON.
        case schemaOrBool(String)
        /// apiextensions/v1 JSONSchemaPropsOrStringArray: `{1: schema, 2: repeated string property}`, the
        /// array of strings or the schema in JSON.
        case schemaOrStringArray(String)
    }

    enum Shape: Sendable, Equatable {
        case single
        case repeated
        /// `map<string, value>`: repeated entries `{1: key, 2: value}` on the wire, an object in JSON.
        case map
        /// A Go struct embedded with `json:",inline"`: its own message on the wire, its fields merged into
        /// the enclosing object in JSON.
        case inline
    }

    var value: Value
    var shape: Shape = .single
    /// Go's `omitempty` on a non-pointer scalar: Go always writes the field, and its JSON encoding leaves a
    /// zero value out, so the decoder leaves out a zero found on the wire. Fields without it (Go pointers,
    /// fields without `omitempty`) keep a zero that is on the wire.
    var omitsEmpty = false

    static let string = FieldSpec(value: .string)
    static let bytes = FieldSpec(value: .bytes)
    static let bool = FieldSpec(value: .bool)
    static let int32 = FieldSpec(value: .int32)
    static let int64 = FieldSpec(value: .int64)
    static let quantity = FieldSpec(value: .quantity)
    static let intOrString = FieldSpec(value: .intOrString)
    static let time = FieldSpec(value: .time)
    static let microTime = FieldSpec(value: .microTime)
    static let duration = FieldSpec(value: .duration)
    static let rawExtension = FieldSpec(value: .rawExtension)
    static let fieldsV1 = FieldSpec(value: .fieldsV1)
    static let stringList = FieldSpec(value: .stringList)
    static let double = FieldSpec(value: .double)
    static let json = FieldSpec(value: .json)

    static func message(_ name: String) -> FieldSpec { FieldSpec(value: .message(name)) }
    static func schemaOrArray(_ name: String) -> FieldSpec { FieldSpec(value: .schemaOrArray(name)) }
    static func schemaOrBool(_ name: String) -> FieldSpec { FieldSpec(value: .schemaOrBool(name)) }
    static func schemaOrStringArray(_ name: String) -> FieldSpec { FieldSpec(value: .schemaOrStringArray(name)) }
    static func inline(_ name: String) -> FieldSpec { FieldSpec(value: .message(name), shape: .inline) }
    static func repeated(_ element: FieldSpec) -> FieldSpec { FieldSpec(value: element.value, shape: .repeated) }
    static func map(_ value: FieldSpec) -> FieldSpec { FieldSpec(value: value.value, shape: .map) }

    /// This field with Go's `omitempty` on a non-pointer scalar (see ``omitsEmpty``).
    var omitEmpty: FieldSpec {
        var copy = self
        copy.omitsEmpty = true
        return copy
    }
}
