import Hummingbird
import KubeModel

/// `pods/{name}/log` and `pods/{name}/exec`. A kubelet answers them for real containers; the embedded
/// server's nodes are simulated (NodeSim) and run no process, so the log is one line saying so for the
/// container's current start, and exec is refused with the reason.
extension ResourceHandler {
    func podLog(_ resource: ResourceInfo, path: ResourcePath, name: String, query: QueryParameters) throws(Status)
        -> Response
    {
        let pod = try stored(resource, path, name).object
        let container = try PodLog.container(in: pod, named: query["container"], podName: name)
        return Responses.text(try PodLog.text(of: container, in: pod, podName: name))
    }

    func podExec(_ resource: ResourceInfo, path: ResourcePath, name: String) throws(Status) -> Response {
        _ = try stored(resource, path, name)
        throw Status.failure(
            .badRequest,
            "pod \(name) runs on a simulated node: its containers run no process, so there is nothing to exec into")
    }
}

/// What a kubelet would say of a simulated container's log (its messages are kubelet's own).
enum PodLog {
    /// The container asked for, or the pod's only one.
    static func container(in pod: JSONValue, named wanted: String?, podName: String) throws(Status) -> String {
        let names = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        let initNames = (pod[path: ["spec", "initContainers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        guard let wanted, !wanted.isEmpty else {
            guard names.count == 1 else {
                throw Status.failure(
                    .badRequest,
                    "a container name must be specified for pod \(podName), choose one of: [\(names.joined(separator: " "))]")
            }
            return names[0]
        }
        guard names.contains(wanted) || initNames.contains(wanted) else {
            throw Status.failure(.badRequest, "container \(wanted) is not valid for pod \(podName)")
        }
        return wanted
    }

    /// One line for the container's current start (and says how many restarts came before it); a
    /// container that has not started yet is refused as a kubelet refuses it.
    static func text(of container: String, in pod: JSONValue, podName: String) throws(Status) -> String {
        let statuses = (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? [])
            + (pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? [])
        let status = statuses.first { $0["name"]?.stringValue == container }
        guard let status, let startedAt = status[path: ["state", "running", "startedAt"]]?.stringValue
            ?? status[path: ["state", "terminated", "startedAt"]]?.stringValue
        else {
            let reason = status?[path: ["state", "waiting", "reason"]]?.stringValue ?? "ContainerCreating"
            throw Status.failure(
                .badRequest, "container \"\(container)\" in pod \"\(podName)\" is waiting to start: \(reason)")
        }
        let image = status["image"]?.stringValue ?? ""
        let node = pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
        let restarts = status["restartCount"]?.intValue ?? 0
        return "\(startedAt) container \(container) (\(image)) started on simulated node \(node) after \(restarts) "
            + "restart(s); a simulated container writes no output\n"
    }
}
