import KubeModel
import Testing
@testable import SteadScheduler

@Suite("VolumeNodeAffinity filter")
struct VolumeNodeAffinityFilterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var claim: String
        var node: String
        var expected: FilterResult
    }

    static func snapshot() -> ClusterSnapshot {
        var snapshot = Fixtures.snapshot(nodes: [Fixtures.node("n1"), Fixtures.node("n2")])
        var local = PersistentVolume(metadata: ObjectMeta(name: "pv-local"))
        local.spec = PersistentVolumeSpec(nodeAffinity: VolumeNodeAffinity(required: NodeSelector(nodeSelectorTerms: [
            NodeSelectorTerm(matchExpressions: [
                NodeSelectorRequirement(key: WellKnownLabels.hostname, operator: "In", values: ["n1"])
            ])
        ])))
        snapshot.upsertPersistentVolume(local)
        snapshot.upsertPersistentVolume(PersistentVolume(metadata: ObjectMeta(name: "pv-net"), spec: PersistentVolumeSpec()))
        for (claimName, volume) in [("data-local", "pv-local"), ("data-net", "pv-net"), ("data-unbound", nil), ("data-lost", "pv-gone")] {
            var claim = PersistentVolumeClaim(metadata: ObjectMeta(name: claimName, namespace: "default"))
            claim.spec = PersistentVolumeClaimSpec()
            claim.spec?.volumeName = volume
            snapshot.upsertClaim(claim)
        }
        return snapshot
    }

    static let cases: [Case] = [
        Case(testDescription: "local volume on its node", claim: "data-local", node: "n1", expected: .success),
        Case(testDescription: "local volume elsewhere", claim: "data-local", node: "n2",
             expected: .unschedulable(VolumeNodeAffinityFilter.reason)),
        Case(testDescription: "volume without node affinity", claim: "data-net", node: "n2", expected: .success),
        Case(testDescription: "unbound claim", claim: "data-unbound", node: "n2", expected: .success),
        Case(testDescription: "missing claim", claim: "nope", node: "n1",
             expected: .unschedulable("persistentvolumeclaim \"nope\" not found")),
        Case(testDescription: "missing volume", claim: "data-lost", node: "n1",
             expected: .unschedulable("persistentvolume \"pv-gone\" not found")),
    ]

    @Test(arguments: cases)
    func volumes(_ testCase: Case) {
        let pod = Fixtures.pod("p", claims: [testCase.claim])
        #expect(Fixtures.filter(VolumeNodeAffinityFilter(), pod: pod, node: testCase.node, snapshot: Self.snapshot())
            == testCase.expected)
    }

    /// Once StorageClasses are watched, an unbound claim the cluster binds on its own (Immediate, the
    /// default mode, or no class at all) keeps the pod off every node until it is bound, as
    /// kube-scheduler does; a WaitForFirstConsumer claim does not.
    @Test(arguments: [
        ("fast", nil, true), ("fast", "Immediate", true), ("late", "WaitForFirstConsumer", false), ("", nil, true),
        (nil, "WaitForFirstConsumer", false), (nil, nil, true),
    ] as [(String?, String?, Bool)])
    func unboundClaimWaitsForItsVolumeWhenTheClusterBindsIt(_ className: String?, _ mode: String?, _ waits: Bool) {
        var snapshot = Self.snapshot()
        snapshot.watchStorageClasses()
        var storageClass = StorageClass(metadata: ObjectMeta(name: className ?? "standard"), volumeBindingMode: mode)
        if className == nil { storageClass.metadata.annotations = [StorageClass.defaultClassAnnotation: "true"] }
        snapshot.upsertStorageClass(storageClass)
        var claim = PersistentVolumeClaim(
            metadata: ObjectMeta(name: "data-new", namespace: "default"),
            spec: PersistentVolumeClaimSpec(storageClassName: className))
        snapshot.upsertClaim(claim)
        let pod = Fixtures.pod("p", claims: ["data-new"])
        let expected: FilterResult = waits ? .unschedulable(VolumeConstraints.unboundImmediateClaims) : .success
        #expect(Fixtures.filter(VolumeNodeAffinityFilter(), pod: pod, node: "n1", snapshot: snapshot) == expected)

        claim.spec?.volumeName = "pv-local"
        snapshot.upsertClaim(claim)
        #expect(Fixtures.filter(VolumeNodeAffinityFilter(), pod: pod, node: "n1", snapshot: snapshot) == .success)
    }
}
