// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// coordination.k8s.io/v1.
    mutating func declareCoordinationV1() {
        inPackage("io.k8s.api.coordination.v1")
        message("Lease", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("LeaseSpec")),
        ])
        message("LeaseSpec", [
            1: ("holderIdentity", .string),
            2: ("leaseDurationSeconds", .int32),
            3: ("acquireTime", .microTime),
            4: ("renewTime", .microTime),
            5: ("leaseTransitions", .int32),
            6: ("strategy", .string),
            7: ("preferredHolder", .string),
        ])
    }
}
