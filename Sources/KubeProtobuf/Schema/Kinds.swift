extension Schema.Builder {
    /// The kinds the codec reads and writes (and OpenAPI describes), each with its root message (the kind's
    /// own name unless it had to differ).
    mutating func declareKinds() {
        // Go registers DeleteOptions in every group version: client-go sends it as `v1`, `apps/v1`,
        // `meta.k8s.io/v1`, ... depending on the client.
        kind(nil, "DeleteOptions")
        kind("v1", "Status")
        kind("meta.k8s.io/v1", "Status")

        for kind in [
            "Namespace", "ConfigMap", "Secret", "ServiceAccount", "Service", "Pod", "ResourceQuota", "Endpoints",
            "Event", "PersistentVolumeClaim", "Node", "Binding", "PersistentVolume", "LimitRange",
            "ReplicationController", "PodTemplate",
        ] {
            self.kind("v1", kind)
        }
        for kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"] {
            self.kind("apps/v1", kind)
        }
        kind("batch/v1", "Job")
        kind("batch/v1", "CronJob")
        kind("policy/v1", "PodDisruptionBudget")
        kind("policy/v1", "Eviction")
        for kind in ["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"] {
            self.kind("rbac.authorization.k8s.io/v1", kind)
        }
        kind("networking.k8s.io/v1", "Ingress")
        kind("networking.k8s.io/v1", "NetworkPolicy")
        kind("scheduling.k8s.io/v1", "PriorityClass")
        kind("coordination.k8s.io/v1", "Lease")
        kind("authentication.k8s.io/v1", "TokenRequest")
        kind("authentication.k8s.io/v1", "TokenReview")
        kind("authentication.k8s.io/v1", "SelfSubjectReview")
        for kind in ["SelfSubjectAccessReview", "SelfSubjectRulesReview", "SubjectAccessReview", "LocalSubjectAccessReview"] {
            self.kind("authorization.k8s.io/v1", kind)
        }
        kind("autoscaling/v1", "Scale")
        kind("autoscaling/v2", "HorizontalPodAutoscaler")
        for kind in ["StorageClass", "CSIDriver", "CSINode", "CSIStorageCapacity", "VolumeAttachment"] {
            self.kind("storage.k8s.io/v1", kind)
        }
        kind("networking.k8s.io/v1", "IngressClass")
        kind("discovery.k8s.io/v1", "EndpointSlice")
        kind("events.k8s.io/v1", "Event", message: "EventsV1Event")
        kind("node.k8s.io/v1", "RuntimeClass")
        kind("certificates.k8s.io/v1", "CertificateSigningRequest")
        for kind in [
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "ValidatingAdmissionPolicy",
            "ValidatingAdmissionPolicyBinding",
        ] {
            self.kind("admissionregistration.k8s.io/v1", kind)
        }
        kind("apiregistration.k8s.io/v1", "APIService")
        kind("flowcontrol.apiserver.k8s.io/v1", "FlowSchema")
        kind("flowcontrol.apiserver.k8s.io/v1", "PriorityLevelConfiguration")
        kind("apiextensions.k8s.io/v1", "CustomResourceDefinition")
    }
}
