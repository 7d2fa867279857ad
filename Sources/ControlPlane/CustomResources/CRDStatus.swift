import KubeModel

/// The status the server gives every CustomResourceDefinition it accepts: NamesAccepted and Established
/// (what kubectl and controllers wait for), the accepted names and the stored versions.
enum CRDStatus {
    static func status(for spec: CRDSpec, old: JSONValue?, now: KubeTime = .now()) -> JSONValue {
        let oldConditions = old?["conditions"]?.arrayValue ?? []
        func condition(_ type: String, reason: String, message: String) -> JSONValue {
            let previous = oldConditions.first { $0["type"]?.stringValue == type && $0["status"] == "True" }
            return [
                "type": .string(type), "status": "True", "reason": .string(reason), "message": .string(message),
                "lastTransitionTime": previous?["lastTransitionTime"] ?? .string(now.description),
            ]
        }
        var stored = old?["storedVersions"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let version = spec.storageVersion, !stored.contains(version) { stored.append(version) }
        var accepted: JSONObject = [
            "plural": .string(spec.names.plural), "singular": .string(spec.names.singular),
            "kind": .string(spec.names.kind), "listKind": .string(spec.names.listKind),
        ]
        if !spec.names.shortNames.isEmpty { accepted["shortNames"] = .array(spec.names.shortNames.map(JSONValue.string)) }
        if !spec.names.categories.isEmpty { accepted["categories"] = .array(spec.names.categories.map(JSONValue.string)) }
        return [
            "conditions": [
                condition("NamesAccepted", reason: "NoConflicts", message: "no conflicts found"),
                condition("Established", reason: "InitialNamesAccepted", message: "the initial names have been accepted"),
            ],
            "acceptedNames": .object(accepted),
            "storedVersions": .array(stored.map(JSONValue.string)),
        ]
    }
}
