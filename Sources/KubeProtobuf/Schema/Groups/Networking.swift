// Field numbers and wire types: this group's generated.proto in kubernetes/api (kubernetes/apimachinery
// for meta/v1), master at commit 10b39a3 of July 2026 (Kubernetes 1.37 in development). JSON names and
// `.omitEmpty` (omitempty on a non-pointer scalar): the json tags of the same Go types. Message names are
// unique across groups.
extension Schema.Builder {
    /// networking.k8s.io/v1.
    mutating func declareNetworkingV1() {
        inPackage("io.k8s.api.networking.v1")
        message("Ingress", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("IngressSpec")),
            3: ("status", .message("IngressStatus")),
        ])
        message("IngressSpec", [
            1: ("defaultBackend", .message("IngressBackend")),
            2: ("tls", .repeated(.message("IngressTLS"))),
            3: ("rules", .repeated(.message("IngressRule"))),
            4: ("ingressClassName", .string),
        ])
        message("IngressBackend", [
            3: ("resource", .message("TypedLocalObjectReference")),
            4: ("service", .message("IngressServiceBackend")),
        ])
        message("IngressServiceBackend", [
            1: ("name", .string),
            2: ("port", .message("ServiceBackendPort")),
        ])
        message("ServiceBackendPort", [
            1: ("name", .string.omitEmpty),
            2: ("number", .int32.omitEmpty),
        ])
        message("IngressTLS", [
            1: ("hosts", .repeated(.string)),
            2: ("secretName", .string.omitEmpty),
        ])
        message("IngressRule", [
            1: ("host", .string.omitEmpty),
            2: ("ingressRuleValue", .inline("IngressRuleValue")),
        ])
        message("IngressRuleValue", [
            1: ("http", .message("HTTPIngressRuleValue")),
        ])
        message("HTTPIngressRuleValue", [
            1: ("paths", .repeated(.message("HTTPIngressPath"))),
        ])
        message("HTTPIngressPath", [
            1: ("path", .string.omitEmpty),
            2: ("backend", .message("IngressBackend")),
            3: ("pathType", .string),
        ])
        message("IngressStatus", [
            1: ("loadBalancer", .message("IngressLoadBalancerStatus")),
        ])
        message("IngressLoadBalancerStatus", [
            1: ("ingress", .repeated(.message("IngressLoadBalancerIngress"))),
        ])
        message("IngressLoadBalancerIngress", [
            1: ("ip", .string.omitEmpty),
            2: ("hostname", .string.omitEmpty),
            4: ("ports", .repeated(.message("IngressPortStatus"))),
        ])
        message("IngressPortStatus", [
            1: ("port", .int32),
            2: ("protocol", .string),
            3: ("error", .string),
        ])
        message("NetworkPolicy", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("NetworkPolicySpec")),
        ])
        message("NetworkPolicySpec", [
            1: ("podSelector", .message("LabelSelector")),
            2: ("ingress", .repeated(.message("NetworkPolicyIngressRule"))),
            3: ("egress", .repeated(.message("NetworkPolicyEgressRule"))),
            4: ("policyTypes", .repeated(.string)),
        ])
        message("NetworkPolicyIngressRule", [
            1: ("ports", .repeated(.message("NetworkPolicyPort"))),
            2: ("from", .repeated(.message("NetworkPolicyPeer"))),
        ])
        message("NetworkPolicyPort", [
            1: ("protocol", .string),
            2: ("port", .intOrString),
            3: ("endPort", .int32),
        ])
        message("NetworkPolicyPeer", [
            1: ("podSelector", .message("LabelSelector")),
            2: ("namespaceSelector", .message("LabelSelector")),
            3: ("ipBlock", .message("IPBlock")),
        ])
        message("IPBlock", [
            1: ("cidr", .string),
            2: ("except", .repeated(.string)),
        ])
        message("NetworkPolicyEgressRule", [
            1: ("ports", .repeated(.message("NetworkPolicyPort"))),
            2: ("to", .repeated(.message("NetworkPolicyPeer"))),
        ])
        message("IngressClass", [
            1: ("metadata", .message("ObjectMeta")),
            2: ("spec", .message("IngressClassSpec")),
        ])
        message("IngressClassSpec", [
            1: ("controller", .string.omitEmpty),
            2: ("parameters", .message("IngressClassParametersReference")),
        ])
        message("IngressClassParametersReference", [
            1: ("apiGroup", .string),
            2: ("kind", .string),
            3: ("name", .string),
            4: ("scope", .string),
            5: ("namespace", .string),
        ])
    }
}
