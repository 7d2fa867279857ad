import Hummingbird
import KubeModel

/// `POST pods/{name}/eviction` (policy/v1 Eviction), what `kubectl drain` sends: the pod is deleted as a
/// DELETE with the eviction's options would delete it, unless a PodDisruptionBudget selecting it has no
/// disruption left (429).
extension ResourceHandler {
    func evict(
        _ resource: ResourceInfo, path: ResourcePath, name: String, request: Request, query: QueryParameters
    ) async throws(Status) -> Response {
        let dryRun = try query.dryRun()
        let data = try await RequestBodyReader.read(request, options: options)
        let eviction = try RequestBodyReader.parse(data, contentType: request.headers[.contentType])
        if let given = eviction[path: ["metadata", "name"]]?.stringValue, !given.isEmpty, given != name {
            throw Status.failure(.badRequest, "name in URL does not match name in Eviction object")
        }
        let pod = try stored(resource, path, name)
        if !PodEviction.isTerminal(pod.object) {
            let budgets = try store.list(
                BuiltinResources.podDisruptionBudgets, filter: ObjectFilter(namespace: path.namespace), limit: nil,
                continueToken: nil
            ).items.map(\.object).filter { PodEviction.selects($0, pod.object) }
            if budgets.count > 1 {
                throw Status.failure(
                    .internalError,
                    "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
            }
            if let budget = budgets.first {
                let pods = try store.list(resource, filter: ObjectFilter(namespace: path.namespace), limit: nil, continueToken: nil)
                    .items.map(\.object)
                try PodEviction.check(budget, pod: pod.object, pods: pods)
            }
        }
        var deleteOptions = DeleteOptions()
        if let body = eviction["deleteOptions"], body != .null { deleteOptions = try DeleteOptions(body: body) }
        let result = try ObjectDeleter(store: store).delete(resource, pod.key, options: deleteOptions, dryRun: dryRun)
        customResources.committed(resource, result.object.object, deleted: result.deleted, dryRun: dryRun)
        log("evict", resource, pod.key, code: 201)
        return Responses.json(Self.createdStatus, status: 201)
    }
}

/// The disruption budget arithmetic of an eviction, done when it is asked (the embedded server runs no
/// disruption controller): healthy pods are the Ready ones the budget selects.
enum PodEviction {
    static func isTerminal(_ pod: JSONValue) -> Bool {
        let phase = pod[path: ["status", "phase"]]?.stringValue
        return phase == PodPhase.succeeded || phase == PodPhase.failed
    }

    static func selects(_ budget: JSONValue, _ pod: JSONValue) -> Bool {
        let labels = pod[path: ["metadata", "labels"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
        return LabelSelector(budget[path: ["spec", "selector"]])?.matches(labels) ?? false
    }

    static func isHealthy(_ pod: JSONValue) -> Bool {
        let conditions = pod[path: ["status", "conditions"]]?.arrayValue ?? []
        return !DeleteRules.isDeleting(pod) && conditions.contains { $0["type"] == "Ready" && $0["status"] == "True" }
    }

    static func check(_ budget: JSONValue, pod: JSONValue, pods: [JSONValue]) throws(Status) {
        guard isHealthy(pod) else { return }
        let selected = pods.filter { selects(budget, $0) && !isTerminal($0) }
        let expected = Int64(selected.count)
        let healthy = Int64(selected.filter(isHealthy).count)
        let desired: Int64
        if let minAvailable = budget[path: ["spec", "minAvailable"]] {
            desired = scaled(minAvailable, of: expected)
        } else if let maxUnavailable = budget[path: ["spec", "maxUnavailable"]] {
            desired = max(0, expected - scaled(maxUnavailable, of: expected))
        } else {
            desired = 0
        }
        guard healthy - desired <= 0 else { return }
        let name = budget[path: ["metadata", "name"]]?.stringValue ?? ""
        throw Status.failure(
            .tooManyRequests, "Cannot evict pod as it would violate the pod's disruption budget.",
            details: StatusDetails(
                causes: [
                    StatusCause(
                        reason: "DisruptionBudget",
                        message: "The disruption budget \(name) needs \(desired) healthy pods and has \(healthy) currently",
                        field: nil)
                ]))
    }

    /// An int-or-percent of `total`, percentages rounded up (as the disruption controller does).
    static func scaled(_ value: JSONValue, of total: Int64) -> Int64 {
        Int64(IntOrString(value)?.scaled(of: Int(total), roundUp: true) ?? 0)
    }
}
