import KubeModel

/// Kubernetes' ValidateObjectMeta for labels and annotations, on every object written: label keys and
/// annotation keys are qualified names, label values valid label values, annotations at most 256 KiB.
enum MetadataRules {
    static let totalAnnotationSizeLimit = 256 * 1024

    static let nameSyntax =
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    static let valueSyntax =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

    static func validate(_ metadata: JSONObject) -> [FieldError] {
        var errors: [FieldError] = []
        let labels = metadata["labels"]?.objectValue ?? [:]
        for key in labels.keys.sorted() {
            if !LabelSyntax.isQualifiedName(key) {
                errors.append(.invalid("metadata.labels", key, nameSyntax))
            }
            if let value = labels[key]?.stringValue, !LabelSyntax.isLabelValue(value) {
                errors.append(.invalid("metadata.labels", value, valueSyntax))
            }
        }
        let annotations = metadata["annotations"]?.objectValue ?? [:]
        var size = 0
        for key in annotations.keys.sorted() {
            if !LabelSyntax.isQualifiedName(key.lowercased()) {
                errors.append(.invalid("metadata.annotations", key, nameSyntax))
            }
            size += key.utf8.count + (annotations[key]?.stringValue?.utf8.count ?? 0)
        }
        if size > totalAnnotationSizeLimit {
            errors.append(
                FieldError(
                    field: "metadata.annotations", reason: "FieldValueTooLong",
                    body: "Too long: must have at most \(totalAnnotationSizeLimit) bytes"))
        }
        return errors
    }
}
