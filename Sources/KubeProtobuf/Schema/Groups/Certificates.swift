// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// certificates.k8s.io/v1.
    mutating func declareCertificatesV1() {
        inPackage("io.k8s.api.certificates.v1")
        message("CertificateSigningRequest", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("CertificateSigningRequestSpec")),
            3: ("status", .message("CertificateSigningRequestStatus")),
        ])
        message("CertificateSigningRequestSpec", [
            1: ("request", .bytes),
            2: ("username", .string.omitEmpty),
            3: ("uid", .string.omitEmpty),
            4: ("groups", .repeated(.string)),
            5: ("usages", .repeated(.string)),
            6: ("extra", .map(.stringList)),
            7: ("signerName", .string),
            8: ("expirationSeconds", .int32),
        ])
        message("CertificateSigningRequestStatus", [
            1: ("conditions", .repeated(.message("CertificateSigningRequestCondition"))),
            2: ("certificate", .bytes.omitEmpty),
        ])
        message("CertificateSigningRequestCondition", [
            1: ("type", .string),
            2: ("reason", .string.omitEmpty),
            3: ("message", .string.omitEmpty),
            4: ("lastUpdateTime", .time),
            5: ("lastTransitionTime", .time),
            6: ("status", .string),
        ])
    }
}
