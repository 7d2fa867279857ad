import KubeModel

/// The parts of a CustomResourceDefinition the server acts on, read from its JSON.
struct CRDSpec: Sendable, Hashable {
    var name: String
    var group: String
    var names: Names
    var namespaced: Bool
    var versions: [Version]

    struct Names: Sendable, Hashable {
        var plural: String
        var singular: String
        var kind: String
        var listKind: String
        var shortNames: [String]
        var categories: [String]
    }

    struct Version: Sendable, Hashable {
        var name: String
        var served: Bool
        var storage: Bool
        var schema: JSONValue?
        var status: Bool
        var scale: CustomResourceVersion.ScalePaths?
        var printerColumns: [CustomResourceVersion.PrinterColumn]
    }

    /// Reads the CRD without judging it (see `CRDValidation`); missing fields read as empty.
    init(_ crd: JSONValue) {
        name = crd[path: ["metadata", "name"]]?.stringValue ?? ""
        let spec = crd["spec"] ?? [:]
        group = spec["group"]?.stringValue ?? ""
        namespaced = spec["scope"]?.stringValue != "Cluster"
        let names = spec["names"] ?? [:]
        let kind = names["kind"]?.stringValue ?? ""
        self.names = Names(
            plural: names["plural"]?.stringValue ?? "",
            singular: Self.nonEmpty(names["singular"]?.stringValue) ?? kind.lowercased(),
            kind: kind,
            listKind: Self.nonEmpty(names["listKind"]?.stringValue) ?? kind + "List",
            shortNames: Self.strings(names["shortNames"]),
            categories: Self.strings(names["categories"]))
        versions = (spec["versions"]?.arrayValue ?? []).map(Self.version)
    }

    private static func version(_ value: JSONValue) -> Version {
        let subresources = value["subresources"]
        let scale = subresources?["scale"].flatMap { scale -> CustomResourceVersion.ScalePaths? in
            guard scale.objectValue != nil else { return nil }
            return CustomResourceVersion.ScalePaths(
                specReplicas: scale["specReplicasPath"]?.stringValue ?? "",
                statusReplicas: scale["statusReplicasPath"]?.stringValue ?? "",
                labelSelector: nonEmpty(scale["labelSelectorPath"]?.stringValue))
        }
        return Version(
            name: value["name"]?.stringValue ?? "",
            served: value["served"]?.boolValue ?? false,
            storage: value["storage"]?.boolValue ?? false,
            schema: value[path: ["schema", "openAPIV3Schema"]],
            status: subresources?["status"]?.objectValue != nil,
            scale: scale,
            printerColumns: (value["additionalPrinterColumns"]?.arrayValue ?? []).map(printerColumn))
    }

    private static func printerColumn(_ value: JSONValue) -> CustomResourceVersion.PrinterColumn {
        CustomResourceVersion.PrinterColumn(
            name: value["name"]?.stringValue ?? "", type: value["type"]?.stringValue ?? "",
            format: value["format"]?.stringValue ?? "", description: value["description"]?.stringValue ?? "",
            priority: Int(clamping: value["priority"]?.intValue ?? 0), jsonPath: value["jsonPath"]?.stringValue ?? "")
    }

    /// One `ResourceInfo` per served version. With more than one version, objects are stored in the
    /// storage version and each version serves them as its own (``StorageConversion/customResource(stored:served:)``).
    var servedResources: [ResourceInfo] {
        let storage = storageVersion == nil ? nil : storageResource.type
        return versions.filter(\.served).map { version in
            var subresources: Set<String> = []
            if version.status { subresources.insert("status") }
            if version.scale != nil { subresources.insert("scale") }
            let type = ResourceType(
                group: group, version: version.name, kind: names.kind, plural: names.plural, namespaced: namespaced)
            var info = ResourceInfo(
                type, singular: names.singular, shortNames: names.shortNames, subresources: subresources,
                categories: names.categories,
                custom: CustomResourceVersion(
                    definitionName: name, schema: version.schema, scale: version.scale,
                    printerColumns: version.printerColumns))
            if versions.count > 1, let storage {
                info.conversion = .customResource(stored: storage, served: type)
            }
            return info
        }
    }

    /// Where the objects are stored: the same for every version (see `ResourceInfo.storageKey`).
    var storageResource: ResourceInfo {
        ResourceInfo(
            ResourceType(
                group: group, version: storageVersion ?? "", kind: names.kind, plural: names.plural,
                namespaced: namespaced))
    }

    var storageVersion: String? { versions.first(where: \.storage)?.name }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    static func strings(_ value: JSONValue?) -> [String] {
        value?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
