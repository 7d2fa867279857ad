import KubeModel

/// The node constraints of a pod's claims, resolved once per cycle: a claim already bound to a
/// persistent volume that has node affinity (a local volume) pins the pod to the nodes it names. A claim
/// the cluster binds on its own (Immediate) and has not bound yet keeps the pod off every node until it
/// is, as kube-scheduler does: placed before its volume, the pod could land away from it. Claims of
/// WaitForFirstConsumer classes add no constraint (binding them is not this scheduler's job).
struct VolumeConstraints: Sendable {
    let selectors: [NodeSelector]
    /// Set when a claim or its volume is missing: then no node fits.
    let failure: String?

    init(selectors: [NodeSelector] = [], failure: String? = nil) {
        self.selectors = selectors
        self.failure = failure
    }

    init(pod: PodInfo, snapshot: ClusterSnapshot) {
        var selectors: [NodeSelector] = []
        for claimName in pod.claimNames {
            guard let claim = snapshot.claim(namespace: pod.namespace, name: claimName) else {
                self.init(failure: "persistentvolumeclaim \"\(claimName)\" not found")
                return
            }
            guard let volumeName = claim.spec?.volumeName, !volumeName.isEmpty else {
                if snapshot.bindsImmediately(claim) {
                    self.init(failure: Self.unboundImmediateClaims)
                    return
                }
                continue
            }
            guard let volume = snapshot.persistentVolume(named: volumeName) else {
                self.init(failure: "persistentvolume \"\(volumeName)\" not found")
                return
            }
            if let required = volume.spec?.nodeAffinity?.required { selectors.append(required) }
        }
        self.init(selectors: selectors)
    }

    static let unboundImmediateClaims = "pod has unbound immediate PersistentVolumeClaims"

    var isEmpty: Bool { selectors.isEmpty && failure == nil }
}
