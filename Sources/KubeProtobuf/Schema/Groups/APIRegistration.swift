// Field numbers and wire types: pkg/apis/apiregistration/v1/generated.proto in kubernetes/kube-aggregator,
// master at commit 232ca68 of July 2026. JSON names and `.omitEmpty` (omitempty on a non-pointer scalar): the
// json tags of the same Go types. Message names are unique across groups.
extension Schema.Builder {
    /// apiregistration.k8s.io/v1.
    mutating func declareAPIRegistrationV1() {
        inPackage("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1")
        message("APIService", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("APIServiceSpec")),
            3: ("status", .message("APIServiceStatus")),
        ])
        message("APIServiceSpec", [
            1: ("service", .message("APIRegistrationV1ServiceReference")),
            2: ("group", .string.omitEmpty),
            3: ("version", .string.omitEmpty),
            4: ("insecureSkipTLSVerify", .bool.omitEmpty),
            5: ("caBundle", .bytes.omitEmpty),
            7: ("groupPriorityMinimum", .int32),
            8: ("versionPriority", .int32),
        ])
        message("APIServiceStatus", [
            1: ("conditions", .repeated(.message("APIServiceCondition"))),
        ])
        goName("APIRegistrationV1ServiceReference", "ServiceReference")
        message("APIRegistrationV1ServiceReference", [
            1: ("namespace", .string.omitEmpty),
            2: ("name", .string.omitEmpty),
            3: ("port", .int32),
        ])
        message("APIServiceCondition", [
            1: ("type", .string),
            2: ("status", .string),
            3: ("lastTransitionTime", .time),
            4: ("reason", .string.omitEmpty),
            5: ("message", .string.omitEmpty),
        ])
    }
}
