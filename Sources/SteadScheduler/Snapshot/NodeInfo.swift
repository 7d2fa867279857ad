import KubeModel

/// One node as the scheduler sees it: the node object, what it offers, and what is taken from it by
/// assigned pods and by reservations held for identities being replaced.
///
/// A value type whose fields live in one copy-on-write box: a cycle hands a NodeInfo to every plugin
/// for every node, and passing it must cost one reference, not a copy of each field.
struct NodeInfo: Sendable {
    private var storage: Storage

    init(node: Node, usage: NodeUsage = NodeUsage()) {
        storage = Storage(node: node, usage: usage)
    }

    var name: String { storage.name }
    var node: Node { storage.node }
    var labels: [String: String] { storage.labels }
    var taints: [Taint] { storage.taints }
    /// `!taints.isEmpty`, without touching the array.
    var hasTaints: Bool { storage.hasTaints }
    var allocatable: ResourceVector { storage.allocatable }
    /// Ready condition True and no node lifecycle taint left (`WellKnownTaints.nodeLifecycle`).
    var isReady: Bool { storage.isReady }
    /// When the Ready condition last changed, if the node says it is not Ready.
    var notReadySince: KubeTime? { storage.notReadySince }
    var isUnschedulable: Bool { storage.isUnschedulable }
    /// `topology.kubernetes.io/zone` (or the legacy beta label).
    var zone: String? { storage.zone }
    var usage: NodeUsage { storage.usage }
    /// Reservations held on this node, by identity.
    var reservations: [ObjectKey: ResourceVector] { storage.reservations }
    /// Sum of `reservations`.
    var reserved: ResourceVector { storage.reserved }
    /// This node's index in `ClusterSnapshot.nodes` of the snapshot it was read from.
    var position: Int { storage.position }
    /// Index of `zone` in the snapshot's zone table, or -1 without a zone.
    var zoneID: Int { storage.zoneID }
    var allocatableCore: CoreResources { storage.allocatableCore }

    /// CPU, memory and pods taken on this node as seen by the pod of `identity`: assigned pods' requests
    /// and the reservations of every other identity.
    func usedCore(by identity: ObjectKey) -> CoreResources {
        storage.requestedCore + reservedCoreExcluding(identity)
    }

    /// As `usedCore(by:)`, with kube-scheduler's non-zero defaults for request-less pods (for scoring).
    func usedNonZeroCore(by identity: ObjectKey) -> CoreResources {
        storage.nonZeroCore + reservedCoreExcluding(identity)
    }

    private func reservedCoreExcluding(_ identity: ObjectKey) -> CoreResources {
        guard storage.hasReservations else { return .zero }
        guard let own = storage.reservations[identity] else { return storage.reservedCore }
        return storage.reservedCore - own.core
    }

    /// The reservation capacity `identity` may not use: everything held except its own reservation.
    func reservedExcluding(_ identity: ObjectKey) -> ResourceVector {
        guard storage.hasReservations else { return .zero }
        guard let own = storage.reservations[identity] else { return storage.reserved }
        var others = storage.reserved
        others.subtract(own)
        return others
    }

    mutating func update(_ node: Node) {
        uniqueStorage().update(node)
    }

    /// How many of the node's pods belong to the owner with this `OwnerSpread.id`.
    func pods(ofOwner owner: Int) -> Int {
        storage.podsByOwner.pods(ofOwner: owner)
    }

    mutating func addPod(_ pod: PodInfo, owner: Int?) {
        let storage = uniqueStorage()
        storage.usage.add(pod, owner: owner)
        storage.refreshUsageTotals()
    }

    @discardableResult
    mutating func removePod(_ key: ObjectKey, owner: Int?) -> PodInfo? {
        let storage = uniqueStorage()
        defer { storage.refreshUsageTotals() }
        return storage.usage.remove(key, owner: owner)
    }

    mutating func hold(_ requests: ResourceVector, for identity: ObjectKey) {
        let storage = uniqueStorage()
        storage.drop(identity)
        storage.reservations[identity] = requests
        storage.hasReservations = true
        storage.reserved.add(requests)
        storage.reservedCore = storage.reserved.core
    }

    mutating func place(at position: Int, zoneID: Int) {
        guard position != storage.position || zoneID != storage.zoneID else { return }
        let storage = uniqueStorage()
        storage.position = position
        storage.zoneID = zoneID
    }

    mutating func drop(_ identity: ObjectKey) {
        uniqueStorage().drop(identity)
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Mutated only through `uniqueStorage()`, so a shared box is never written: safe to send.
    ///
    /// What every filter and score reads for every node comes first, so that it shares a cache line or
    /// two instead of lying behind the node object (hundreds of bytes): a cycle reads it for 500 nodes
    /// that are rarely in cache.
    ///
    /// Those fields skip the runtime's exclusivity check (a tenth of the cycle's CPU): a box is only
    /// written while uniquely referenced, by one short mutation at a time that never reads the field
    /// it writes through another access.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var isReady = false
        @exclusivity(unchecked) var isUnschedulable = false
        @exclusivity(unchecked) var zoneID = -1
        @exclusivity(unchecked) var allocatableCore = CoreResources.zero
        @exclusivity(unchecked) var requestedCore = CoreResources.zero
        @exclusivity(unchecked) var nonZeroCore = CoreResources.zero
        @exclusivity(unchecked) var reservedCore = CoreResources.zero
        /// `usage.podsByOwner`, kept apart so that reading it does not copy the whole usage.
        @exclusivity(unchecked) var podsByOwner = OwnerPodCounts()
        @exclusivity(unchecked) var hasTaints = false
        @exclusivity(unchecked) var hasReservations = false
        var taints: [Taint] = []
        var reservations: [ObjectKey: ResourceVector] = [:]
        let name: String
        var position = 0
        var node: Node
        var labels: [String: String] = [:]
        var allocatable = ResourceVector.zero
        var notReadySince: KubeTime?
        var zone: String?
        var usage: NodeUsage
        var reserved = ResourceVector.zero

        init(node: Node, usage: NodeUsage) {
            name = node.name
            self.node = node
            self.usage = usage
            update(node)
            refreshUsageTotals()
        }

        private init(copying other: Storage) {
            name = other.name
            node = other.node
            labels = other.labels
            taints = other.taints
            allocatable = other.allocatable
            isReady = other.isReady
            notReadySince = other.notReadySince
            isUnschedulable = other.isUnschedulable
            zone = other.zone
            usage = other.usage
            reservations = other.reservations
            hasReservations = other.hasReservations
            hasTaints = other.hasTaints
            reserved = other.reserved
            position = other.position
            zoneID = other.zoneID
            allocatableCore = other.allocatableCore
            requestedCore = other.requestedCore
            nonZeroCore = other.nonZeroCore
            reservedCore = other.reservedCore
            podsByOwner = other.podsByOwner
        }

        func copy() -> Storage { Storage(copying: self) }

        func update(_ node: Node) {
            self.node = node
            labels = node.metadata.labels ?? [:]
            taints = node.spec?.taints ?? []
            hasTaints = !taints.isEmpty
            allocatable = ResourceVector(node.status?.allocatable)
            allocatableCore = allocatable.core
            // Still tainted by the node lifecycle controller is not ready yet: its taints would fail
            // the pod, and the node has not been found healthy again.
            isReady = node.isReady && !taints.contains { WellKnownTaints.nodeLifecycle.contains($0.key) }
            notReadySince = node.isReady ? nil : node.status?.condition(ConditionType.ready)?.lastTransitionTime
            isUnschedulable = node.spec?.unschedulable ?? false
            zone = labels[WellKnownLabels.zone] ?? labels[WellKnownLabels.legacyZone]
        }

        func drop(_ identity: ObjectKey) {
            guard let requests = reservations.removeValue(forKey: identity) else { return }
            hasReservations = !reservations.isEmpty
            reserved.subtract(requests)
            reservedCore = reserved.core
        }

        func refreshUsageTotals() {
            podsByOwner = usage.podsByOwner
            requestedCore = usage.requested.core
            nonZeroCore = CoreResources(
                milliCPU: usage.nonZeroMilliCPU, memory: usage.nonZeroMemory, pods: usage.requested.pods)
        }
    }
}
