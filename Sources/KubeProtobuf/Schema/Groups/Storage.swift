// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// storage.k8s.io/v1.
    mutating func declareStorageV1() {
        inPackage("io.k8s.api.storage.v1")
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
        message("CSIDriver", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("CSIDriverSpec")),
        ])
        message("CSIDriverSpec", [
            1: ("attachRequired", .bool),
            2: ("podInfoOnMount", .bool),
            3: ("volumeLifecycleModes", .repeated(.string)),
            4: ("storageCapacity", .bool),
            5: ("fsGroupPolicy", .string),
            6: ("tokenRequests", .repeated(.message("StorageV1TokenRequest"))),
            7: ("requiresRepublish", .bool),
            8: ("seLinuxMount", .bool),
            9: ("nodeAllocatableUpdatePeriodSeconds", .int64),
            10: ("serviceAccountTokenInSecrets", .bool),
            11: ("preventPodSchedulingIfMissing", .bool),
        ])
        goName("StorageV1TokenRequest", "TokenRequest")
        message("StorageV1TokenRequest", [
            1: ("audience", .string),
            2: ("expirationSeconds", .int64),
        ])
        message("CSINode", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("CSINodeSpec")),
            3: ("status", .message("CSINodeStatus")),
        ])
        message("CSINodeSpec", [
            1: ("drivers", .repeated(.message("CSINodeDriver"))),
        ])
        message("CSINodeDriver", [
            1: ("name", .string),
            2: ("nodeID", .string),
            3: ("topologyKeys", .repeated(.string)),
            4: ("allocatable", .message("VolumeNodeResources")),
        ])
        message("VolumeNodeResources", [
            1: ("count", .int32),
        ])
        message("CSINodeStatus", [
            1: ("storageHealth", .repeated(.message("StorageHealth"))),
        ])
        message("StorageHealth", [
            1: ("name", .string),
            2: ("healthConditions", .repeated(.message("StorageHealthCondition"))),
        ])
        message("StorageHealthCondition", [
            1: ("status", .string),
            2: ("reason", .string),
            3: ("message", .string.omitEmpty),
            4: ("accessMode", .string),
            5: ("volumeMode", .string),
            6: ("lastTransitionTime", .time),
        ])
        message("CSIStorageCapacity", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("nodeTopology", .message("LabelSelector")),
            3: ("storageClassName", .string),
            4: ("capacity", .quantity),
            5: ("maximumVolumeSize", .quantity),
        ])
        message("VolumeAttachment", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("VolumeAttachmentSpec")),
            3: ("status", .message("VolumeAttachmentStatus")),
        ])
        message("VolumeAttachmentSpec", [
            1: ("attacher", .string),
            2: ("source", .message("VolumeAttachmentSource")),
            3: ("nodeName", .string),
        ])
        message("VolumeAttachmentSource", [
            1: ("persistentVolumeName", .string),
            2: ("inlineVolumeSpec", .message("PersistentVolumeSpec")),
        ])
        message("VolumeAttachmentStatus", [
            1: ("attached", .bool),
            2: ("attachmentMetadata", .map(.string)),
            3: ("attachError", .message("VolumeError")),
            4: ("detachError", .message("VolumeError")),
        ])
        message("VolumeError", [
            1: ("time", .time),
            2: ("message", .string.omitEmpty),
            3: ("errorCode", .int32),
        ])
    }
}
