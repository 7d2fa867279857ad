import KubeModel

/// The resources the server serves from the start: each is declared in the file of its group, with its
/// strategy and its printer.
public enum BuiltinResources {
    static let customResourceDefinitions = ResourceInfo(
        .group("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", namespaced: false),
        shortNames: ["crd", "crds"], subresources: ["status"], categories: ["api-extensions"],
        strategy: PlainStrategy(), printer: .createdAt)

    public static let all: [ResourceInfo] = [
        // core/v1
        namespaces, nodes, pods, services, endpoints, configMaps, secrets, serviceAccounts, events,
        persistentVolumeClaims, persistentVolumes, limitRanges, resourceQuotas, replicationControllers, podTemplates,
        // apps/v1, batch/v1, autoscaling/v2, policy/v1
        deployments, replicaSets, statefulSets, daemonSets, controllerRevisions, jobs, cronJobs,
        horizontalPodAutoscalers, podDisruptionBudgets,
        // rbac.authorization.k8s.io/v1
        roles, clusterRoles, roleBindings, clusterRoleBindings,
        // storage.k8s.io/v1
        storageClasses, csiDrivers, csiNodes, csiStorageCapacities, volumeAttachments,
        // networking.k8s.io/v1, discovery.k8s.io/v1, events.k8s.io/v1
        ingresses, ingressClasses, networkPolicies, endpointSlices, eventsV1,
        // the cluster's own configuration
        priorityClasses, leases, runtimeClasses, certificateSigningRequests, mutatingWebhookConfigurations,
        validatingWebhookConfigurations, validatingAdmissionPolicies, validatingAdmissionPolicyBindings, apiServices,
        flowSchemas, priorityLevelConfigurations, customResourceDefinitions,
    ] + reviews

    /// The objects a new cluster starts with, all cluster-scoped.
    static let initialObjects: [(ResourceInfo, JSONValue)] = {
        var objects: [(ResourceInfo, JSONValue)] = initialNamespaces.map { name in
            (namespaces, ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]])
        }
        let critical: [(String, Int64)] = [("system-cluster-critical", 2_000_000_000), ("system-node-critical", 2_000_001_000)]
        for (name, value) in critical {
            let priorityClass: JSONValue = [
                "apiVersion": "scheduling.k8s.io/v1", "kind": "PriorityClass", "metadata": ["name": .string(name)],
                "value": .int(value), "description": "Used for system critical pods that must run in the cluster.",
            ]
            objects.append((priorityClasses, priorityClass))
        }
        let storageClass: JSONValue = [
            "apiVersion": "storage.k8s.io/v1", "kind": "StorageClass",
            "metadata": ["name": "standard", "annotations": ["storageclass.kubernetes.io/is-default-class": "true"]],
            "provisioner": "stead.dev/simulated", "volumeBindingMode": "WaitForFirstConsumer", "reclaimPolicy": "Delete",
        ]
        objects.append((storageClasses, storageClass))
        return objects + BootstrapPolicy.objects
    }()
}

extension ResourceType {
    /// A resource of the core group (`/api/v1`).
    static func core(_ kind: String, _ plural: String, namespaced: Bool = true) -> ResourceType {
        ResourceType(group: "", version: "v1", kind: kind, plural: plural, namespaced: namespaced)
    }

    static func group(
        _ group: String, _ version: String, _ kind: String, _ plural: String, namespaced: Bool = true
    ) -> ResourceType {
        ResourceType(group: group, version: version, kind: kind, plural: plural, namespaced: namespaced)
    }
}
