import KubeModel

/// What a scheduling cycle computes once per pod, before looking at any single node (kube-scheduler's
/// PreFilter/PreScore results): the identity whose reservation the pod may use, the topology domains
/// anti-affinity closes, where the pod's siblings already run, and the node constraints of its volumes.
final class CycleState: Sendable {
    /// The pod's namespace/name: a reservation held for this identity is capacity the pod may use.
    let identity: ObjectKey
    let antiAffinity: AntiAffinityState
    let spread: SpreadState
    let volumes: VolumeConstraints
    /// Whether any node has a taint.
    let anyNodeTainted: Bool

    init(pod: PodInfo, snapshot: ClusterSnapshot) {
        identity = pod.key
        anyNodeTainted = snapshot.taintedNodeCount > 0
        antiAffinity = AntiAffinityState(pod: pod, snapshot: snapshot)
        spread = SpreadState(pod: pod, snapshot: snapshot)
        volumes = VolumeConstraints(pod: pod, snapshot: snapshot)
    }
}
