/// Every message the codec knows, compiled from the per-group tables (`Groups/*.swift`) into arrays the
/// decoder and encoder index directly, and the kinds (`Kinds.swift`) that name a root message.
struct Schema: Sendable {
    struct Field: Sendable {
        let number: Int
        let jsonName: String
        let value: Value
        let shape: FieldSpec.Shape
        let omitsEmpty: Bool
    }

    /// ``FieldSpec/Value`` with message names resolved to indexes into ``Schema/messages``.
    enum Value: Sendable, Equatable {
        case string, bytes, bool, int32, int64
        case message(Int)
        case quantity, intOrString, time, microTime, duration, rawExtension, fieldsV1, stringList
        case double, json
        /// The schema message's index, as for ``message(_:)``.
        case schemaOrArray(Int), schemaOrBool(Int), schemaOrStringArray(Int)
    }

    struct Message: Sendable {
        let name: String
        /// The Go package as OpenAPI names it (`io.k8s.api.apps.v1`): the message's OpenAPI definition is
        /// `package.goName`.
        let package: String
        /// The Go type's name where the message had to be named otherwise to stay unique (events.k8s.io's
        /// `Event` is declared as `EventsV1Event`): the kind it is the root of, or what ``Builder/goName(_:_:)``
        /// says.
        let goName: String
        /// Numbers of fields Kubernetes removed: an older server still writes them, empty, and the decoder
        /// passes over them then (a set one is an unknown field: dropping it would lose data).
        let retiredNumbers: Set<Int>
        /// The JSON names of the fields Kubernetes' OpenAPI lists as required (``Builder/required(_:_:)``).
        let required: [String]
        /// Ascending field numbers: the order the encoder writes.
        let fields: [Field]
        /// Index into ``fields`` by field number, -1 where the number is unknown.
        let fieldIndexByNumber: [Int]
        /// Index into ``fields`` by JSON key; a key of an inline message maps to the inline field.
        let fieldIndexByJSONName: [String: Int]
        let hasInlineFields: Bool

        func field(number: Int) -> Field? {
            guard number >= 0, number < fieldIndexByNumber.count else { return nil }
            let index = fieldIndexByNumber[number]
            return index < 0 ? nil : fields[index]
        }
    }

    struct KindKey: Hashable, Sendable {
        let apiVersion: String
        let kind: String
    }

    let messages: [Message]
    let messageIndex: [String: Int]
    /// The root message of each kind by apiVersion and kind.
    let kinds: [KindKey: Int]
    /// Kinds every group version carries (meta/v1 DeleteOptions): found by kind alone.
    let kindsInEveryVersion: [String: Int]

    func rootMessage(apiVersion: String, kind: String) -> Int? {
        kinds[KindKey(apiVersion: apiVersion, kind: kind)] ?? kindsInEveryVersion[kind]
    }

    static let shared: Schema = {
        let builder = Builder.standard()
        let problems = builder.problems()
        precondition(problems.isEmpty, "KubeProtobuf schema: \(problems.joined(separator: "; "))")
        return builder.build()
    }()
}

extension Schema {
    /// Collects the declarations; ``build()`` resolves them once.
    struct Builder {
        private(set) var declarations: [(name: String, package: String, fields: [Int: (String, FieldSpec)])] = []
        private var currentPackage = ""
        private(set) var goNames: [String: String] = [:]
        private(set) var retiredNumbers: [String: Set<Int>] = [:]
        private(set) var requiredFields: [String: [String]] = [:]
        private(set) var kinds: [(apiVersion: String?, kind: String, message: String)] = []

        /// Declares a message: `number: (jsonName, spec)` for each field.
        mutating func message(_ name: String, _ fields: [Int: (String, FieldSpec)]) {
            declarations.append((name, currentPackage, fields))
        }

        /// Names the Go package, as OpenAPI spells it (`io.k8s.api.apps.v1`), of the messages declared next.
        mutating func inPackage(_ package: String) {
            currentPackage = package
        }

        /// Names the Go type of a message whose own name had to differ (`HPAMetricSpec` for autoscaling/v2's
        /// `MetricSpec`); a kind's root message takes the kind's name without it.
        mutating func goName(_ message: String, _ name: String) {
            goNames[message] = name
        }

        /// Declares the fields of a message that Kubernetes' OpenAPI lists as `required` (the Go fields with
        /// neither `omitempty` nor `+optional`), by JSON name.
        mutating func required(_ message: String, _ fields: [String]) {
            requiredFields[message, default: []] += fields
        }

        /// Declares field numbers Kubernetes removed from a message (`ObjectMeta`'s 15, `clusterName`, gone
        /// in v1.25): passed over when empty, as an older server writes them, never written.
        mutating func retired(_ message: String, _ numbers: Int...) {
            retiredNumbers[message, default: []].formUnion(numbers)
        }

        /// Declares a kind whose root message is `message` (the kind's own name by default); a nil
        /// `apiVersion` means every group version.
        mutating func kind(_ apiVersion: String?, _ kind: String, message: String? = nil) {
            kinds.append((apiVersion, kind, message ?? kind))
        }

        static func standard() -> Builder {
            var builder = Builder()
            builder.declareMetaV1()
            builder.declareCoreV1()
            builder.declareAppsV1()
            builder.declareBatchV1()
            builder.declarePolicyV1()
            builder.declareRBACV1()
            builder.declareNetworkingV1()
            builder.declareSchedulingV1()
            builder.declareSchedulingV1Alpha3()
            builder.declareCoordinationV1()
            builder.declareAuthenticationV1()
            builder.declareAuthorizationV1()
            builder.declareAutoscalingV1()
            builder.declareStorageV1()
            builder.declareAutoscalingV2()
            builder.declareDiscoveryV1()
            builder.declareEventsV1()
            builder.declareNodeV1()
            builder.declareCertificatesV1()
            builder.declareAdmissionRegistrationV1()
            builder.declareAPIRegistrationV1()
            builder.declareFlowControlV1()
            builder.declareAPIExtensionsV1()
            builder.declareKinds()
            builder.declareRequiredFields()
            return builder
        }

        /// What would make ``build()`` fail: duplicate messages or kinds, unresolved names, JSON keys that two
        /// fields (directly or through inline messages) would both claim.
        func problems() -> [String] {
            var problems: [String] = []
            var names: [String: Int] = [:]
            for (index, declaration) in declarations.enumerated() {
                if names[declaration.name] != nil { problems.append("message \(declaration.name) declared twice") }
                names[declaration.name] = index
            }
            for declaration in declarations {
                for (number, (jsonName, spec)) in declaration.fields {
                    if number < 1 { problems.append("\(declaration.name) has field number \(number)") }
                    if let target = spec.value.messageName, names[target] == nil {
                        problems.append("\(declaration.name).\(jsonName) refers to unknown message \(target)")
                    }
                    if spec.omitsEmpty, spec.shape != .single || !spec.value.isScalar {
                        problems.append("\(declaration.name).\(jsonName) omits empty but is not a single scalar")
                    }
                }
            }
            for (message, fields) in requiredFields {
                guard names[message] != nil else {
                    problems.append("required fields of unknown message \(message)")
                    continue
                }
                let known = Set(jsonKeys(of: message, names: names, depth: 0).map(\.1))
                for field in fields where !known.contains(field) {
                    problems.append("\(message) has no field \(field) to require")
                }
            }
            var seenKinds = Set<String>()
            for kind in kinds {
                let key = "\(kind.apiVersion ?? "*") \(kind.kind)"
                if !seenKinds.insert(key).inserted { problems.append("kind \(key) declared twice") }
                if names[kind.message] == nil {
                    problems.append("kind \(key) refers to unknown message \(kind.message)")
                }
            }
            if problems.isEmpty {
                for declaration in declarations {
                    var owners: [String: Int] = [:]
                    for (number, key) in jsonKeys(of: declaration.name, names: names, depth: 0) {
                        if let other = owners[key], other != number {
                            problems.append(
                                "\(declaration.name): JSON key \(key) claimed by fields \(other) and \(number)")
                        }
                        owners[key] = number
                    }
                }
            }
            return problems
        }

        /// The JSON keys a message's object has, each with the field number (of this message) that owns it.
        private func jsonKeys(of name: String, names: [String: Int], depth: Int) -> [(Int, String)] {
            guard depth < 8, let index = names[name] else { return [] }
            var keys: [(Int, String)] = []
            for (number, (jsonName, spec)) in declarations[index].fields {
                if spec.shape == .inline, case .message(let target) = spec.value {
                    keys += jsonKeys(of: target, names: names, depth: depth + 1).map { (number, $0.1) }
                } else {
                    keys.append((number, jsonName))
                }
            }
            return keys
        }

        func build() -> Schema {
            var messageIndex: [String: Int] = [:]
            for (index, declaration) in declarations.enumerated() { messageIndex[declaration.name] = index }

            func resolve(_ value: FieldSpec.Value) -> Value {
                switch value {
                case .string: .string
                case .bytes: .bytes
                case .bool: .bool
                case .int32: .int32
                case .int64: .int64
                case .message(let name): .message(messageIndex[name]!)
                case .quantity: .quantity
                case .intOrString: .intOrString
                case .time: .time
                case .microTime: .microTime
                case .duration: .duration
                case .rawExtension: .rawExtension
                case .fieldsV1: .fieldsV1
                case .stringList: .stringList
                case .double: .double
                case .json: .json
                case .schemaOrArray(let name): .schemaOrArray(messageIndex[name]!)
                case .schemaOrBool(let name): .schemaOrBool(messageIndex[name]!)
                case .schemaOrStringArray(let name): .schemaOrStringArray(messageIndex[name]!)
                }
            }

            var goNames = self.goNames
            for kind in self.kinds where kind.apiVersion != nil && goNames[kind.message] == nil {
                goNames[kind.message] = kind.kind
            }
            // Fields first, then the JSON routes, which look into inline messages' fields.
            let fieldLists: [[Field]] = declarations.map { declaration in
                declaration.fields.sorted { $0.key < $1.key }.map { number, entry in
                    Field(
                        number: number, jsonName: entry.0, value: resolve(entry.1.value), shape: entry.1.shape,
                        omitsEmpty: entry.1.omitsEmpty)
                }
            }
            func jsonNames(ofMessage index: Int) -> [String] {
                fieldLists[index].flatMap { field -> [String] in
                    if field.shape == .inline, case .message(let target) = field.value {
                        return jsonNames(ofMessage: target)
                    }
                    return [field.jsonName]
                }
            }
            var messages: [Message] = []
            for (index, declaration) in declarations.enumerated() {
                let fields = fieldLists[index]
                var byNumber = [Int](repeating: -1, count: (fields.last?.number ?? 0) + 1)
                var byJSONName: [String: Int] = [:]
                for (fieldIndex, field) in fields.enumerated() {
                    byNumber[field.number] = fieldIndex
                    if field.shape == .inline, case .message(let target) = field.value {
                        for name in jsonNames(ofMessage: target) { byJSONName[name] = fieldIndex }
                    } else {
                        byJSONName[field.jsonName] = fieldIndex
                    }
                }
                messages.append(
                    Message(
                        name: declaration.name, package: declaration.package,
                        goName: goNames[declaration.name] ?? declaration.name,
                        retiredNumbers: retiredNumbers[declaration.name] ?? [],
                        required: requiredFields[declaration.name] ?? [], fields: fields, fieldIndexByNumber: byNumber,
                        fieldIndexByJSONName: byJSONName, hasInlineFields: fields.contains { $0.shape == .inline }))
            }

            var kinds: [KindKey: Int] = [:]
            var kindsInEveryVersion: [String: Int] = [:]
            for kind in self.kinds {
                let message = messageIndex[kind.message]!
                if let apiVersion = kind.apiVersion {
                    kinds[KindKey(apiVersion: apiVersion, kind: kind.kind)] = message
                } else {
                    kindsInEveryVersion[kind.kind] = message
                }
            }
            return Schema(
                messages: messages, messageIndex: messageIndex, kinds: kinds, kindsInEveryVersion: kindsInEveryVersion)
        }
    }
}

extension FieldSpec.Value {
    var isScalar: Bool {
        switch self {
        case .string, .bytes, .bool, .int32, .int64, .double: true
        default: false
        }
    }

    /// The message a value refers to by name: a message's own, or the schema inside a polymorphic value.
    var messageName: String? {
        switch self {
        case .message(let name), .schemaOrArray(let name), .schemaOrBool(let name), .schemaOrStringArray(let name):
            name
        default: nil
        }
    }
}
