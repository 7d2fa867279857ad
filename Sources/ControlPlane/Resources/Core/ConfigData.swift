import Foundation
import KubeModel

extension BuiltinResources {
    static let configMaps = ResourceInfo(
        .core("ConfigMap", "configmaps"), shortNames: ["cm"], strategy: ConfigMapStrategy(),
        printer: TablePrinter([
            .name,
            PrinterColumn("Data", type: "integer") { .int(Cells.size($0["data"]) + Cells.size($0["binaryData"])) },
            .age,
        ]))

    static let secrets = ResourceInfo(
        .core("Secret", "secrets"), strategy: SecretStrategy(),
        printer: TablePrinter([
            .name, .field("Type", ["type"], absent: ""),
            PrinterColumn("Data", type: "integer") { .int(Cells.size($0["data"])) }, .age,
        ]),
        fieldLabels: ["type"])
}

/// What ConfigMaps and Secrets share: keys that are valid file names, at most 1 MiB of data, base64 for
/// bytes, and `immutable: true` freezing the data.
enum ConfigData {
    static let maxSize = 1024 * 1024
    static let keyRule =
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

    static func keyErrors(_ map: JSONObject, field: String) -> [FieldError] {
        map.keys.sorted().compactMap { key in
            isValidKey(key) ? nil : .invalid("\(field)[\(key)]", key, keyRule)
        }
    }

    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 253 && key != "." && key != ".." && !key.hasPrefix("..")
            && key.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
            }
    }

    /// The bytes of a base64 value; a value that is not is refused as Go's decoder refuses it (400).
    static func decode(_ value: JSONValue, kind: String, field: String) throws(Status) -> Data {
        let problem: String
        if let text = value.stringValue {
            if let data = Data(base64Encoded: text) { return data }
            problem = "illegal base64 data at input byte \(firstBadByte(text))"
        } else {
            problem = "\(field) must be a string"
        }
        throw Status.failure(.badRequest, "\(kind) in version \"v1\" cannot be handled as a \(kind): \(problem)")
    }

    private static func firstBadByte(_ text: String) -> Int {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let bytes = Array(text.utf8)
        if let index = bytes.firstIndex(where: { !alphabet.contains($0) && $0 != UInt8(ascii: "=") }) { return index }
        if let padding = bytes.firstIndex(of: UInt8(ascii: "=")), bytes[padding...].contains(where: { $0 != UInt8(ascii: "=") }) {
            return padding
        }
        return bytes.count / 4 * 4
    }

    /// The total size of the data, counted as Kubernetes counts it (keys and decoded values).
    static func sizeError(_ size: Int, field: String) -> [FieldError] {
        size > maxSize
            ? [FieldError(field: field, reason: "FieldValueTooLong", body: "Too long: must have at most \(maxSize) bytes")]
            : []
    }

    /// An object once `immutable: true` keeps its data and stays immutable.
    static func immutableErrors(_ object: JSONValue, old: JSONValue, fields: [String]) -> [FieldError] {
        guard old["immutable"]?.boolValue == true else { return [] }
        var errors: [FieldError] = []
        if object["immutable"]?.boolValue != true {
            errors.append(.forbidden("immutable", "field is immutable when `immutable` is set"))
        }
        for field in fields where (object[field] ?? .null) != (old[field] ?? .null) {
            errors.append(.forbidden(field, "field is immutable when `immutable` is set"))
        }
        return errors
    }
}

struct ConfigMapStrategy: ResourceStrategy {
    func prepareForCreate(_ configMap: inout JSONValue, context: AdmissionContext) throws(Status) {
        try checkBinaryData(configMap)
    }

    func prepareForUpdate(_ configMap: inout JSONValue, old: JSONValue) throws(Status) {
        try checkBinaryData(configMap)
    }

    private func checkBinaryData(_ configMap: JSONValue) throws(Status) {
        for (key, value) in configMap["binaryData"]?.objectValue ?? [:] {
            _ = try ConfigData.decode(value, kind: "ConfigMap", field: "binaryData[\(key)]")
        }
    }

    func validate(_ configMap: JSONValue) -> [FieldError] {
        let data = configMap["data"]?.objectValue ?? [:]
        let binary = configMap["binaryData"]?.objectValue ?? [:]
        var errors = ConfigData.keyErrors(data, field: "data") + ConfigData.keyErrors(binary, field: "binaryData")
        for key in data.keys.sorted() where binary[key] != nil {
            errors.append(.invalid("data[\(key)]", key, "duplicate of key present in binaryData"))
        }
        var size = 0
        for (key, value) in data { size += key.utf8.count + (value.stringValue?.utf8.count ?? 0) }
        for (key, value) in binary { size += key.utf8.count + (value.stringValue.flatMap { Data(base64Encoded: $0) }?.count ?? 0) }
        return errors + ConfigData.sizeError(size, field: "")
    }

    func validateUpdate(_ configMap: JSONValue, old: JSONValue) -> [FieldError] {
        ConfigData.immutableErrors(configMap, old: old, fields: ["data", "binaryData"])
    }
}

/// Secrets: `stringData` is written into `data` (it wins over a `data` key of the same name) and never
/// stored; `data` is base64; `type` defaults to Opaque, cannot change, and asks for the keys its kind needs.
struct SecretStrategy: ResourceStrategy {
    static let requiredKeys: [String: [String]] = [
        "kubernetes.io/dockercfg": [".dockercfg"],
        "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
        "kubernetes.io/ssh-auth": ["ssh-privatekey"],
        "kubernetes.io/tls": ["tls.crt", "tls.key"],
    ]

    func prepareForCreate(_ secret: inout JSONValue, context: AdmissionContext) throws(Status) {
        try mergeStringData(&secret)
        if Cells.text(secret["type"]) == nil { secret["type"] = "Opaque" }
    }

    func prepareForUpdate(_ secret: inout JSONValue, old: JSONValue) throws(Status) {
        try mergeStringData(&secret)
        if Cells.text(secret["type"]) == nil { secret["type"] = old["type"] ?? "Opaque" }
    }

    private func mergeStringData(_ secret: inout JSONValue) throws(Status) {
        var data = secret["data"]?.objectValue ?? [:]
        for (key, value) in data { _ = try ConfigData.decode(value, kind: "Secret", field: "data[\(key)]") }
        guard let stringData = secret["stringData"] else { return }
        for (key, value) in stringData.objectValue ?? [:] {
            data[key] = .string(Data((value.stringValue ?? "").utf8).base64EncodedString())
        }
        secret["stringData"] = nil
        secret["data"] = data.isEmpty && secret["data"] == nil ? nil : .object(data)
    }

    func validate(_ secret: JSONValue) -> [FieldError] {
        let data = secret["data"]?.objectValue ?? [:]
        var errors = ConfigData.keyErrors(data, field: "data")
        let size = data.reduce(0) { $0 + ($1.value.stringValue.flatMap { Data(base64Encoded: $0) }?.count ?? 0) }
        errors += ConfigData.sizeError(size, field: "data")
        let type = secret["type"]?.stringValue ?? "Opaque"
        for key in Self.requiredKeys[type] ?? [] where data[key] == nil {
            errors.append(.required("data[\(key)]"))
        }
        switch type {
        case "kubernetes.io/service-account-token":
            if Cells.text(secret[path: ["metadata", "annotations", "kubernetes.io/service-account.name"]]) == nil {
                errors.append(.required("metadata.annotations[kubernetes.io/service-account.name]"))
            }
        case "kubernetes.io/basic-auth":
            if data["username"] == nil && data["password"] == nil {
                errors.append(.required("data[username]"))
                errors.append(.required("data[password]"))
            }
        default:
            break
        }
        return errors
    }

    func validateUpdate(_ secret: JSONValue, old: JSONValue) -> [FieldError] {
        var errors = ConfigData.immutableErrors(secret, old: old, fields: ["data"])
        if let oldType = old["type"], secret["type"] != oldType {
            errors.append(.invalid("type", secret["type"] ?? .string(""), "field is immutable"))
        }
        return errors
    }
}
