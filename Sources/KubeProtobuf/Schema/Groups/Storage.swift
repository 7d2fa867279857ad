// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// storage.k8s.io/v1.
    mutating func declareStorageV1() {
        message("StorageClass", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("provisioner", .string),
            3: ("parameters", .map(.string)),
            4: ("reclaimPolicy", .string),
            5: ("mountOptions", .repeated(.string)),
            6: ("allowVolumeExpansion", .bool),
            7: ("volumeBindingMode", .string),
            8: ("allowedTopologies", .repeated(.message("TopologySelectorTerm"))),
        ])
    }
}
