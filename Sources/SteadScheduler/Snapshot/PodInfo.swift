import KubeModel

/// What scheduling needs from a pod, computed once per pod so the per-node work stays cheap.
/// Immutable, and a class so that handing it to a plugin for every node costs one reference.
final class PodInfo: Sendable {
    let key: ObjectKey
    let uid: String?
    let namespace: String
    let labels: [String: String]
    /// UID of the controller owner (`controller: true`); replicas of one set share it.
    let ownerUID: String?
    let nodeName: String?
    let isFinished: Bool
    let isTerminating: Bool

    /// Requests as kube-scheduler counts them, with `pods` = 1.
    let requests: ResourceVector
    /// CPU and memory with kube-scheduler's defaults (100m, 200Mi) for containers that request none:
    /// used by scoring only, so that request-less pods still spread.
    let nonZeroMilliCPU: Int64
    let nonZeroMemory: Int64
    /// `requests` without the extended resources, for the per-node checks.
    let coreRequests: CoreResources
    /// The non-zero CPU and memory, with `pods` = 1.
    let nonZeroCoreRequests: CoreResources

    let hostPorts: [HostPort]
    let nodeSelector: [String: String]
    /// `nodeSelector` as an array, cheaper to walk once per node.
    let nodeSelectorPairs: [LabelPair]
    let requiredNodeAffinity: NodeSelector?
    let preferredNodeAffinity: [PreferredSchedulingTerm]
    let tolerations: [Toleration]
    let requiredAntiAffinity: [PodAffinityTerm]
    let claimNames: [String]

    init(_ pod: Pod) {
        key = pod.objectKey
        uid = pod.metadata.uid
        namespace = pod.metadata.namespace ?? ""
        labels = pod.metadata.labels ?? [:]
        ownerUID = pod.metadata.controllerReference?.uid
        let spec = pod.spec ?? PodSpec(containers: [])
        nodeName = spec.nodeName.flatMap { $0.isEmpty ? nil : $0 }
        isFinished = pod.hasFinished
        isTerminating = pod.isTerminating

        let computed = PodRequests(spec)
        requests = computed.requests
        nonZeroMilliCPU = computed.nonZeroMilliCPU
        nonZeroMemory = computed.nonZeroMemory
        coreRequests = computed.requests.core
        nonZeroCoreRequests = CoreResources(milliCPU: computed.nonZeroMilliCPU, memory: computed.nonZeroMemory, pods: 1)

        hostPorts = spec.containers.flatMap { container in
            (container.ports ?? []).compactMap { port in
                guard let hostPort = port.hostPort, hostPort > 0 else { return nil }
                return HostPort(hostIP: port.hostIP, protocol: port.protocol, port: hostPort)
            }
        }
        nodeSelector = spec.nodeSelector ?? [:]
        nodeSelectorPairs = nodeSelector.map { LabelPair($0.key, $0.value) }
        requiredNodeAffinity = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
        preferredNodeAffinity = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
        tolerations = spec.tolerations ?? []
        requiredAntiAffinity = spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []
        claimNames = (spec.volumes ?? []).compactMap { $0.persistentVolumeClaim?.claimName }
    }

    /// Counted on its node: assigned, and neither Succeeded nor Failed.
    var occupiesNode: Bool { nodeName != nil && !isFinished }
}

extension Pod {
    /// `namespace/name`: the pod's identity across incarnations.
    var objectKey: ObjectKey { ObjectKey(namespace: metadata.namespace, name: metadata.name ?? "") }
}
