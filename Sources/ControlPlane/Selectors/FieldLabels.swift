import KubeModel

/// The fields a field selector may name: every resource has `metadata.name` and `metadata.namespace`;
/// a few built-ins add their own (`ResourceInfo.fieldLabels`). Anything else is a 400, as on a real
/// server, rather than a selector that silently matches nothing.
enum FieldLabels {
    static let common: Set<String> = ["metadata.name", "metadata.namespace"]

    static func check(_ selector: FieldSelectorExpression, for resource: ResourceInfo) throws(Status) {
        let allowed = common.union(resource.fieldLabels)
        for requirement in selector.requirements where !allowed.contains(requirement.field) {
            throw Status.failure(
                .badRequest,
                "field label not supported: \(requirement.field) (\(resource.type.plural) can be selected by: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
