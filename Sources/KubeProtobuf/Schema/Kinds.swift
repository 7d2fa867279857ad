extension Schema.Builder {
    /// The kinds the codec reads and writes, each with its root message (the kind's own name).
    mutating func declareKinds() {
        // Go registers DeleteOptions in every group version: client-go sends it as `v1`, `apps/v1`,
        // `meta.k8s.io/v1`, ... depending on the client.
        kind(nil, "DeleteOptions")
        kind("v1", "Status")
        kind("meta.k8s.io/v1", "Status")

        for kind in [
            "Namespace", "ConfigMap", "Secret", "ServiceAccount", "Service", "Pod", "ResourceQuota", "Endpoints",
            "Event", "PersistentVolumeClaim", "Node", "Binding",
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
        kind("storage.k8s.io/v1", "StorageClass")
    }
}
