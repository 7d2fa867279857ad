import KubeModel

/// What stays the same across an in-place update, and what a recreate changes: the pod's UID, node,
/// IP and container restarts.
public struct Incarnation: Equatable, Sendable, CustomStringConvertible {
    public var uid: String?
    public var node: String?
    public var ip: String?
    public var restarts: Int32

    public init(_ pod: Pod) {
        uid = pod.metadata.uid
        node = pod.spec?.nodeName
        ip = pod.status?.podIP
        restarts = pod.status?.containerStatuses?.reduce(0) { $0 + $1.restartCount } ?? 0
    }

    public var description: String { "uid \(uid ?? "-") node \(node ?? "-") ip \(ip ?? "-") restarts \(restarts)" }
}
