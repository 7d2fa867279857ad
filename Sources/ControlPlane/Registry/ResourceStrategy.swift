import Foundation
import KubeModel

/// What is particular to one resource's objects when they are written, as kube-apiserver's registry
/// strategies: the defaults and server-set fields of a new object, what an update may not change, and
/// what a valid object is. Everything every object gets (type meta, namespace, name syntax, metadata,
/// resourceVersion, generation) is done once, by `ObjectRules`, around these steps.
protocol ResourceStrategy: Sendable {
    /// Which rule `metadata.name` follows.
    var names: NameRule { get }
    /// Defaults and server-set fields of a new object. Throws 400 for a body that would not decode.
    func prepareForCreate(_ object: inout JSONValue, context: AdmissionContext) throws(Status)
    /// An update's body before validation, `old` being what is stored.
    func prepareForUpdate(_ object: inout JSONValue, old: JSONValue) throws(Status)
    func validate(_ object: JSONValue) -> [FieldError]
    /// What an update may not change (immutable fields), beyond `validate`.
    func validateUpdate(_ object: JSONValue, old: JSONValue) -> [FieldError]
}

extension ResourceStrategy {
    var names: NameRule { .subdomain }
    func prepareForCreate(_ object: inout JSONValue, context: AdmissionContext) throws(Status) {}
    func prepareForUpdate(_ object: inout JSONValue, old: JSONValue) throws(Status) {}
    func validate(_ object: JSONValue) -> [FieldError] { [] }
    func validateUpdate(_ object: JSONValue, old: JSONValue) -> [FieldError] { [] }
}

/// A resource whose objects are stored as sent: metadata rules only.
struct PlainStrategy: ResourceStrategy {
    var names: NameRule

    init(names: NameRule = .subdomain) { self.names = names }
}

/// What a strategy may consult beyond the object: the objects already stored (to allocate what must be
/// unique, such as a Service's cluster IP). Nil in pure tests.
struct AdmissionContext: Sendable {
    var store: ObjectStore?
    var now: KubeTime = .now()
}

/// The syntax of `metadata.name`, as each kind's validation in Kubernetes names it.
enum NameRule: Sendable {
    /// RFC 1123 subdomain: most resources.
    case subdomain
    /// RFC 1123 label: namespaces, and what becomes a DNS label.
    case label
    /// RFC 1035 label: Services.
    case dns1035Label
    /// Anything usable as one path segment (not ".", "..", no "/" or "%"): RBAC roles and bindings.
    case pathSegment

    func errors(_ name: String) -> [FieldError] {
        switch self {
        case .subdomain:
            return NameValidation.isDNS1123Subdomain(name) ? [] : [.invalid("metadata.name", name, NameValidation.dns1123SubdomainRule)]
        case .label:
            return NameValidation.isDNS1123Label(name) ? [] : [.invalid("metadata.name", name, NameValidation.dns1123LabelRule)]
        case .dns1035Label:
            return NameValidation.isDNS1035Label(name) ? [] : [.invalid("metadata.name", name, NameValidation.dns1035Rule)]
        case .pathSegment:
            if name == "." || name == ".." { return [.invalid("metadata.name", name, "may not be '\(name)'")] }
            for part in ["/", "%"] where name.contains(part) {
                return [.invalid("metadata.name", name, "may not contain '\(part)'")]
            }
            return []
        }
    }
}
