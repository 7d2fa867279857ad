import KubeModel
import SteadController

/// Everything a real cluster needs to run Stead: the CRD, Stead's namespace and ServiceAccount, its
/// RBAC (see ``AccessRules``), a Deployment of two replicas with leader election, and the admission
/// webhook that refuses invalid StatefulPodSets (its Service and configuration; the running webhook adds
/// its CA to the configuration). `stead manifests` prints these; `deploy/` holds the same text.
struct InstallManifests {
    var namespace = "stead-system"
    var image = InstallManifests.defaultImage
    var replicas: Int64 = 2
    var name = "stead"
    var metricsPort: Int64 = 8080
    var webhookPort: Int64 = 9443

    static let defaultImage = "stead:0.1.0"
    static let webhookSecret = "stead-webhook-tls"
    var webhookServiceName: String { "\(name)-webhook" }

    var documents: [JSONValue] {
        [StatefulPodSetCRD.definition(), namespaceObject, serviceAccount, clusterRole, clusterRoleBinding,
         leaseRole, leaseRoleBinding, deployment, webhookService, webhookConfiguration]
    }

    private var labels: JSONValue { ["app.kubernetes.io/name": .string(name)] }

    private func metadata(namespaced: Bool = true) -> JSONValue {
        var meta: JSONObject = ["name": .string(name), "labels": labels]
        if namespaced { meta["namespace"] = .string(namespace) }
        return .object(meta)
    }

    private var subjects: JSONValue {
        [["kind": "ServiceAccount", "name": .string(name), "namespace": .string(namespace)]]
    }

    var namespaceObject: JSONValue {
        ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace), "labels": labels]]
    }

    var serviceAccount: JSONValue {
        ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": metadata()]
    }

    var clusterRole: JSONValue {
        ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": metadata(namespaced: false),
         "rules": .array(AccessRules.cluster.map(\.json))]
    }

    var clusterRoleBinding: JSONValue {
        ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
         "metadata": metadata(namespaced: false), "subjects": subjects,
         "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": .string(name)]]
    }

    var leaseRole: JSONValue {
        ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": metadata(),
         "rules": .array(AccessRules.ownNamespace.map(\.json))]
    }

    var leaseRoleBinding: JSONValue {
        ["apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": metadata(),
         "subjects": subjects,
         "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": .string(name)]]
    }

    var webhookService: JSONValue {
        var meta = metadata().objectValue ?? [:]
        meta["name"] = .string(webhookServiceName)
        return ["apiVersion": "v1", "kind": "Service", "metadata": .object(meta),
                "spec": ["selector": labels, "ports": [["name": "webhook", "port": 443, "targetPort": "webhook"]]]]
    }

    /// Without `caBundle`: the leader fills it in with the CA of the certificate in ``webhookSecret``.
    var webhookConfiguration: JSONValue {
        StatefulPodSetAdmission.configuration(
            .service(namespace: namespace, name: webhookServiceName, port: 443), caBundle: nil)
    }

    var deployment: JSONValue {
        ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": metadata(),
         "spec": [
            "replicas": .int(replicas),
            "selector": ["matchLabels": labels],
            "template": ["metadata": ["labels": labels], "spec": podSpec],
         ]]
    }

    private var podSpec: JSONValue {
        ["serviceAccountName": .string(name),
         "securityContext": ["runAsNonRoot": true, "runAsUser": 65532, "seccompProfile": ["type": "RuntimeDefault"]],
         // Two replicas on one node would not survive that node: spread them when the cluster allows.
         "affinity": ["podAntiAffinity": ["preferredDuringSchedulingIgnoredDuringExecution": [
            ["weight": 100, "podAffinityTerm": [
                "topologyKey": "kubernetes.io/hostname", "labelSelector": ["matchLabels": labels]]],
         ]]],
         "containers": [container]]
    }

    private var container: JSONValue {
        ["name": .string(name), "image": .string(image), "imagePullPolicy": "IfNotPresent",
         "args": .array(arguments.map(JSONValue.string)),
         "ports": [["name": "metrics", "containerPort": .int(metricsPort)],
                   ["name": "webhook", "containerPort": .int(webhookPort)]],
         "livenessProbe": probe("/healthz"), "readinessProbe": probe("/readyz"),
         "resources": ["requests": ["cpu": "100m", "memory": "128Mi"], "limits": ["memory": "512Mi"]],
         "securityContext": ["allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true,
                             "capabilities": ["drop": ["ALL"]]]]
    }

    var arguments: [String] {
        ["run", "--leader-elect", "--leader-elect-namespace", namespace, "--metrics-address", "0.0.0.0:\(metricsPort)",
         "--webhook-address", "0.0.0.0:\(webhookPort)", "--webhook-service", "\(namespace)/\(webhookServiceName)",
         "--log-format", "json"]
    }

    private func probe(_ path: String) -> JSONValue {
        ["httpGet": ["path": .string(path), "port": "metrics"], "periodSeconds": 10]
    }
}
