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

/// An eviction's check of the budget selecting the pod (``DisruptionBudget``, worked out from the pods when
/// the eviction is asked, not read from the budget's status): a healthy pod is evicted only while the
/// budget allows a disruption.
enum PodEviction {
    static func isTerminal(_ pod: JSONValue) -> Bool {
        DisruptionBudget.Member(json: pod).hasFinished
    }

    static func selects(_ budget: JSONValue, _ pod: JSONValue) -> Bool {
        DisruptionBudget.selects(budget["spec"], DisruptionBudget.Member(json: pod).labels)
    }

    static func check(_ budget: JSONValue, pod: JSONValue, pods: [JSONValue]) throws(Status) {
        guard DisruptionBudget.Member(json: pod).isHealthy else { return }
        let arithmetic = DisruptionBudget(spec: budget["spec"], pods: pods.map(DisruptionBudget.Member.init(json:)))
        guard arithmetic.disruptionsAllowed == 0 else { return }
        let name = budget[path: ["metadata", "name"]]?.stringValue ?? ""
        throw Status.failure(
            .tooManyRequests, "Cannot evict pod as it would violate the pod's disruption budget.",
            details: StatusDetails(
                causes: [
                    StatusCause(
                        reason: "DisruptionBudget",
                        message:
                            "The disruption budget \(name) needs \(arithmetic.desiredHealthy) healthy pods and has \(arithmetic.currentHealthy) currently",
                        field: nil)
                ]))
    }
}
