// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// discovery.k8s.io/v1.
    mutating func declareDiscoveryV1() {
        inPackage("io.k8s.api.discovery.v1")
        message("EndpointSlice", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("endpoints", .repeated(.message("Endpoint"))),
            3: ("ports", .repeated(.message("DiscoveryV1EndpointPort"))),
            4: ("addressType", .string),
        ])
        message("Endpoint", [
            1: ("addresses", .repeated(.string)),
            2: ("conditions", .message("EndpointConditions")),
            3: ("hostname", .string),
            4: ("targetRef", .message("ObjectReference")),
            5: ("deprecatedTopology", .map(.string)),
            6: ("nodeName", .string),
            7: ("zone", .string),
            8: ("hints", .message("EndpointHints")),
        ])
        message("EndpointConditions", [
            1: ("ready", .bool),
            2: ("serving", .bool),
            3: ("terminating", .bool),
        ])
        message("EndpointHints", [
            1: ("forZones", .repeated(.message("ForZone"))),
            2: ("forNodes", .repeated(.message("ForNode"))),
        ])
        message("ForZone", [
            1: ("name", .string),
        ])
        message("ForNode", [
            1: ("name", .string),
        ])
        goName("DiscoveryV1EndpointPort", "EndpointPort")
        message("DiscoveryV1EndpointPort", [
            1: ("name", .string),
            2: ("protocol", .string),
            3: ("port", .int32),
            4: ("appProtocol", .string),
        ])
    }
}
