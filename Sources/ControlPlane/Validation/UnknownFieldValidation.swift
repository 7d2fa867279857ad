import HTTPTypes
import KubeModel

/// Fields the server does not know, handled per `fieldValidation` as Kubernetes does: `Strict` refuses
/// the request (400, strict decoding error naming each field); `Warn`, the default, drops them and
/// answers with one `Warning` header per field; `Ignore` drops them silently. Known here: ObjectMeta's
/// fields on every kind, and a custom resource's whole schema. Built-in kinds' other fields are kept as
/// sent: the server stores them as JSON and has no typed schema to check them against.
enum UnknownFieldValidation {
    static let objectMetaFields: Set<String> = [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations",
        "ownerReferences", "finalizers", "managedFields",
    ]

    /// The unknown fields of `body` (paths like `metadata.colour`, `spec.color`), with the unknown
    /// metadata fields removed from it; throws the strict decoding error under `Strict`.
    static func admit(_ body: inout JSONValue, resource: ResourceInfo, fieldValidation: String?) throws(Status)
        -> [String]
    {
        var unknown: [String] = []
        if var metadata = body["metadata"]?.objectValue {
            for key in metadata.keys.sorted() where !objectMetaFields.contains(key) {
                unknown.append("metadata.\(key)")
                metadata[key] = nil
            }
            body["metadata"] = .object(metadata)
        }
        if let schema = resource.custom?.schema {
            var copy = body
            unknown += SchemaPruner.prune(&copy, schema: schema)
        }
        if fieldValidation == "Strict", !unknown.isEmpty {
            let fields = unknown.map { "unknown field \(FieldError.quote($0))" }.joined(separator: ", ")
            let kind = resource.type.kind
            throw Status.failure(
                .badRequest,
                "\(kind) in version \"\(resource.type.version)\" cannot be handled as a \(kind): strict decoding error: \(fields)")
        }
        return fieldValidation == "Ignore" ? [] : unknown
    }

    static let warningName = HTTPField.Name("Warning")!

    /// `299 - "unknown field \"spec.color\""`, as kube-apiserver words it.
    static func warning(_ field: String) -> String {
        "299 - \"unknown field \\\"\(field)\\\"\""
    }

    static func addWarnings(_ fields: [String], to headers: inout HTTPFields) {
        for field in fields { headers.append(HTTPField(name: warningName, value: warning(field))) }
    }
}
