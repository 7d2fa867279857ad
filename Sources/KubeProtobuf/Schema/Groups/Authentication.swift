// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// authentication.k8s.io/v1.
    mutating func declareAuthenticationV1() {
        inPackage("io.k8s.api.authentication.v1")
        message("TokenRequest", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("TokenRequestSpec")),
            3: ("status", .message("TokenRequestStatus")),
        ])
        message("TokenRequestSpec", [
            1: ("audiences", .repeated(.string)),
            3: ("boundObjectRef", .message("BoundObjectReference")),
            4: ("expirationSeconds", .int64),
            5: ("attestations", .map(.stringList)),
        ])
        message("BoundObjectReference", [
            1: ("kind", .string.omitEmpty),
            2: ("apiVersion", .string.omitEmpty),
            3: ("name", .string.omitEmpty),
            4: ("uid", .string.omitEmpty),
        ])
        message("TokenRequestStatus", [
            1: ("token", .string),
            2: ("expirationTimestamp", .time),
        ])
        message("TokenReview", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("TokenReviewSpec")),
            3: ("status", .message("TokenReviewStatus")),
        ])
        message("TokenReviewSpec", [
            1: ("token", .string.omitEmpty),
            2: ("audiences", .repeated(.string)),
        ])
        message("TokenReviewStatus", [
            1: ("authenticated", .bool.omitEmpty),
            2: ("user", .message("UserInfo")),
            3: ("error", .string.omitEmpty),
            4: ("audiences", .repeated(.string)),
        ])
        message("UserInfo", [
            1: ("username", .string.omitEmpty),
            2: ("uid", .string.omitEmpty),
            3: ("groups", .repeated(.string)),
            4: ("extra", .map(.stringList)),
        ])
        message("SelfSubjectReview", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("status", .message("SelfSubjectReviewStatus")),
        ])
        message("SelfSubjectReviewStatus", [
            1: ("userInfo", .message("UserInfo")),
        ])
    }

    /// authorization.k8s.io/v1: the access and rules reviews (`kubectl auth can-i`).
    mutating func declareAuthorizationV1() {
        inPackage("io.k8s.api.authorization.v1")
        for review in ["SubjectAccessReview", "LocalSubjectAccessReview"] {
            message(review, [
                1: ("metadata", .message("ObjectMeta")),
                2: ("spec", .message("SubjectAccessReviewSpec")),
                3: ("status", .message("SubjectAccessReviewStatus")),
            ])
        }
        message("SelfSubjectAccessReview", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("SelfSubjectAccessReviewSpec")),
            3: ("status", .message("SubjectAccessReviewStatus")),
        ])
        message("SelfSubjectAccessReviewSpec", [
            1: ("resourceAttributes", .message("ResourceAttributes")),
            2: ("nonResourceAttributes", .message("NonResourceAttributes")),
        ])
        message("SubjectAccessReviewSpec", [
            1: ("resourceAttributes", .message("ResourceAttributes")),
            2: ("nonResourceAttributes", .message("NonResourceAttributes")),
            3: ("user", .string.omitEmpty),
            4: ("groups", .repeated(.string)),
            5: ("extra", .map(.stringList)),
            6: ("uid", .string.omitEmpty),
        ])
        message("ResourceAttributes", [
            1: ("namespace", .string.omitEmpty),
            2: ("verb", .string.omitEmpty),
            3: ("group", .string.omitEmpty),
            4: ("version", .string.omitEmpty),
            5: ("resource", .string.omitEmpty),
            6: ("subresource", .string.omitEmpty),
            7: ("name", .string.omitEmpty),
            8: ("fieldSelector", .message("FieldSelectorAttributes")),
            9: ("labelSelector", .message("LabelSelectorAttributes")),
        ])
        message("FieldSelectorAttributes", [
            1: ("rawSelector", .string.omitEmpty),
            2: ("requirements", .repeated(.message("FieldSelectorRequirement"))),
        ])
        message("FieldSelectorRequirement", [
            1: ("key", .string),
            2: ("operator", .string),
            3: ("values", .repeated(.string)),
        ])
        message("LabelSelectorAttributes", [
            1: ("rawSelector", .string.omitEmpty),
            2: ("requirements", .repeated(.message("LabelSelectorRequirement"))),
        ])
        message("NonResourceAttributes", [
            1: ("path", .string.omitEmpty),
            2: ("verb", .string.omitEmpty),
        ])
        message("SubjectAccessReviewStatus", [
            1: ("allowed", .bool),
            2: ("reason", .string.omitEmpty),
            3: ("evaluationError", .string.omitEmpty),
            4: ("denied", .bool.omitEmpty),
        ])
        message("SelfSubjectRulesReview", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("SelfSubjectRulesReviewSpec")),
            3: ("status", .message("SubjectRulesReviewStatus")),
        ])
        message("SelfSubjectRulesReviewSpec", [
            1: ("namespace", .string.omitEmpty),
        ])
        message("SubjectRulesReviewStatus", [
            1: ("resourceRules", .repeated(.message("ResourceRule"))),
            2: ("nonResourceRules", .repeated(.message("NonResourceRule"))),
            3: ("incomplete", .bool),
            4: ("evaluationError", .string.omitEmpty),
        ])
        message("ResourceRule", [
            1: ("verbs", .repeated(.string)),
            2: ("apiGroups", .repeated(.string)),
            3: ("resources", .repeated(.string)),
            4: ("resourceNames", .repeated(.string)),
        ])
        message("NonResourceRule", [
            1: ("verbs", .repeated(.string)),
            2: ("nonResourceURLs", .repeated(.string)),
        ])
    }
}
