import KubeModel

/// The resources the server serves from the start.
public enum BuiltinResources {
    public static let namespaces = ResourceInfo(
        ResourceType(group: "", version: "v1", kind: "Namespace", plural: "namespaces", namespaced: false),
        shortNames: ["ns"], subresources: ["status", "finalize"])

    public static let pod = ResourceInfo(
        ResourceType(group: "", version: "v1", kind: "Pod", plural: "pods", namespaced: true),
        shortNames: ["po"], subresources: ["status", "binding", "resize", "log", "exec"], categories: ["all"])

    public static let customResourceDefinitions = ResourceInfo(
        ResourceType(
            group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
            plural: "customresourcedefinitions", namespaced: false),
        shortNames: ["crd", "crds"], subresources: ["status"], categories: ["api-extensions"])

    public static let all: [ResourceInfo] = [
        namespaces,
        ResourceInfo(
            ResourceType(group: "", version: "v1", kind: "Node", plural: "nodes", namespaced: false),
            shortNames: ["no"], subresources: ["status"]),
        pod,
        ResourceInfo(
            ResourceType(group: "", version: "v1", kind: "Service", plural: "services", namespaced: true),
            shortNames: ["svc"], subresources: ["status"], categories: ["all"]),
        ResourceInfo(
            ResourceType(
                group: "", version: "v1", kind: "PersistentVolumeClaim", plural: "persistentvolumeclaims",
                namespaced: true),
            shortNames: ["pvc"], subresources: ["status"]),
        ResourceInfo(
            ResourceType(
                group: "", version: "v1", kind: "PersistentVolume", plural: "persistentvolumes", namespaced: false),
            shortNames: ["pv"], subresources: ["status"]),
        ResourceInfo(
            ResourceType(group: "", version: "v1", kind: "ConfigMap", plural: "configmaps", namespaced: true),
            shortNames: ["cm"]),
        ResourceInfo(
            ResourceType(group: "", version: "v1", kind: "Event", plural: "events", namespaced: true),
            shortNames: ["ev"]),
        ResourceInfo(
            ResourceType(group: "coordination.k8s.io", version: "v1", kind: "Lease", plural: "leases", namespaced: true)
        ),
        ResourceInfo(
            ResourceType(
                group: "apps", version: "v1", kind: "ControllerRevision", plural: "controllerrevisions",
                namespaced: true)),
        customResourceDefinitions,
    ]

    public static let initialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"]
}
