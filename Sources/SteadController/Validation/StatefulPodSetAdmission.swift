import KubeModel

/// The validating admission webhook of StatefulPodSets: refuses at the API server what
/// ``StatefulPodSetValidator`` finds, as kube-apiserver refuses an invalid StatefulSet (422 Invalid,
/// one cause per field), so that `kubectl apply` of a set that could never run fails at once.
public enum StatefulPodSetAdmission {
    /// The webhook's name in the ValidatingWebhookConfiguration; the API server quotes it in refusals.
    public static let webhookName = "validate.statefulpodsets.stead.dev"
    public static let configurationName = "stead-statefulpodsets"
    public static let path = "/validate-statefulpodsets"

    public static func review(_ request: AdmissionRequest) -> AdmissionResponse {
        guard request.operation == .create || request.operation == .update, let object = request.object else {
            return .allow(request)
        }
        if request.operation == .update, !needsValidation(object, old: request.oldObject) {
            return .allow(request)
        }
        let set: StatefulPodSet
        do {
            set = try KubeJSON.decode(StatefulPodSet.self, from: object)
        } catch {
            return .deny(request, .failure(.badRequest, "cannot read the StatefulPodSet: \(error)"))
        }
        let errors = StatefulPodSetValidator.validate(set)
        return errors.isEmpty ? .allow(request) : .deny(request, invalid(set.name, errors))
    }

    /// An update is checked when it changes the spec and the set is not going away: a set stored before
    /// the webhook existed can still get its finalizers, labels and annotations changed, and be deleted.
    static func needsValidation(_ object: JSONValue, old: JSONValue?) -> Bool {
        guard object[path: ["metadata", "deletionTimestamp"]] == nil else { return false }
        return object["spec"] != old?["spec"]
    }

    /// kube-apiserver's 422 for an invalid object: `Kind.group "name" is invalid: field: message`, the
    /// errors in brackets when there are several, each one a cause.
    static func invalid(_ name: String, _ errors: [FieldError]) -> Status {
        let type = StatefulPodSet.resourceType
        let list = errors.count == 1 ? errors[0].description : "[" + errors.map(\.description).joined(separator: ", ") + "]"
        return .failure(
            .invalid, "\(type.kind).\(type.group) \"\(name)\" is invalid: \(list)",
            details: StatusDetails(
                name: name, group: type.group, kind: type.kind,
                causes: errors.map { StatusCause(reason: "FieldValueInvalid", message: $0.message, field: $0.path) }))
    }
}
