import KubeModel
import SteadController

/// One RBAC rule: the exact verbs Stead uses on some resources of one API group.
struct AccessRule: Sendable, Equatable {
    var group: String
    var resources: [String]
    var verbs: [String]
    var resourceNames: [String] = []

    var json: JSONValue {
        var rule: JSONObject = [
            "apiGroups": [.string(group)],
            "resources": .array(resources.map(JSONValue.string)),
            "verbs": .array(verbs.map(JSONValue.string)),
        ]
        if !resourceNames.isEmpty { rule["resourceNames"] = .array(resourceNames.map(JSONValue.string)) }
        return .object(rule)
    }
}

/// Least privilege for `stead run`: what the scheduler and the controller call, nothing more, and no
/// wildcard. Adding an API call to either means adding its verb here: AccessRulesAuditTests runs Stead
/// against an audited API server and fails on a call these rules do not grant and on a grant no call
/// used; the manifests test checks the rules hold no `*`.
enum AccessRules {
    /// What an informer sends: a (paginated) list, then watches. Stead reads single objects from its caches.
    static let informer = ["list", "watch"]

    /// Cluster-wide: StatefulPodSets and their pods may live in any namespace.
    static var cluster: [AccessRule] {
        let sets = StatefulPodSet.resourceType
        return [
            AccessRule(group: "", resources: ["pods"], verbs: informer + ["create", "delete", "patch"]),
            AccessRule(group: "", resources: ["pods/status"], verbs: ["patch"]),
            AccessRule(group: "", resources: ["pods/binding"], verbs: ["create"]),
            AccessRule(group: "", resources: ["pods/resize"], verbs: ["patch"]),
            AccessRule(group: "", resources: ["nodes"], verbs: informer),
            // The scheduler keeps capacity for a pod going away only while its namespace stays and its
            // owner (a StatefulSet or a StatefulPodSet) still wants it back.
            AccessRule(group: "", resources: ["namespaces"], verbs: informer),
            AccessRule(group: "apps", resources: ["statefulsets"], verbs: informer),
            AccessRule(group: "", resources: ["persistentvolumeclaims"], verbs: informer + ["create", "delete"]),
            AccessRule(group: "", resources: ["persistentvolumes"], verbs: informer),
            // Whether an unbound claim is bound by the cluster (Immediate) or waits for its pod's node.
            AccessRule(group: "storage.k8s.io", resources: ["storageclasses"], verbs: informer),
            // Placement records: one ConfigMap per owner, merge-patched.
            AccessRule(group: "", resources: ["configmaps"], verbs: informer + ["create", "patch"]),
            // patch: a repeated Event is counted on the first one (EventRecorder's correlator).
            AccessRule(group: "", resources: ["events"], verbs: ["create", "patch"]),
            // get: a revision name is taken by one the cache does not show (created by someone else).
            AccessRule(
                group: "apps", resources: ["controllerrevisions"], verbs: ["get"] + informer + ["create", "delete", "patch"]),
            // The controller writes a set's status only; nothing of Stead reads or writes /scale.
            AccessRule(group: sets.group, resources: [sets.plural], verbs: informer),
            AccessRule(group: sets.group, resources: ["\(sets.plural)/status"], verbs: ["patch"]),
            // `stead run --install-crd`: create cannot be limited by name; reading and updating can.
            AccessRule(group: "apiextensions.k8s.io", resources: ["customresourcedefinitions"], verbs: ["create"]),
            AccessRule(
                group: "apiextensions.k8s.io", resources: ["customresourcedefinitions"], verbs: ["get", "update"],
                resourceNames: [StatefulPodSetCRD.name]),
            // `--webhook-address`: the leader registers the webhook, pointing it at itself and its CA.
            AccessRule(
                group: "admissionregistration.k8s.io", resources: ["validatingwebhookconfigurations"], verbs: ["create"]),
            AccessRule(
                group: "admissionregistration.k8s.io", resources: ["validatingwebhookconfigurations"],
                verbs: ["get", "update"], resourceNames: [StatefulPodSetAdmission.configurationName]),
        ]
    }

    /// In Stead's own namespace only: the leader election Lease, and the Secret holding the webhook's
    /// certificate (made by the first replica, read by the others, renewed by one).
    static var ownNamespace: [AccessRule] {
        [
            AccessRule(group: "coordination.k8s.io", resources: ["leases"], verbs: ["get", "create", "update"]),
            AccessRule(group: "", resources: ["secrets"], verbs: ["create"]),
            AccessRule(
                group: "", resources: ["secrets"], verbs: ["get", "update"], resourceNames: [InstallManifests.webhookSecret]),
        ]
    }
}
