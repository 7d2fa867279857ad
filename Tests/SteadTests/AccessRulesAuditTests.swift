import ControlPlane
import Foundation
import KubeClient
import KubeModel
import Logging
import NodeSim
import ServiceLifecycle
import SteadAPI
import SteadController
import SteadRuntime
import SteadTestSupport
import Testing

@testable import stead

/// Issue 8: the RBAC `stead manifests` renders (``AccessRules``) against what Stead really calls. The
/// embedded API server writes an audit log while `stead run --leader-elect --install-crd`'s components
/// take a StatefulPodSet through everything they can do; every request with Stead's User-Agent must be
/// granted, and every grant must have been used.
@Suite("access rules audit", .serialized)
struct AccessRulesAuditTests {
    @Test func accessRulesGrantExactlyTheCallsSteadMakes() async throws {
        try await AuditedCluster.with { cluster in
            try await AccessScenario(cluster: cluster).run()
            await cluster.stopStead()
            let lease = try await cluster.admin.get(Lease.self, name: "stead", namespace: cluster.leaseNamespace)
            #expect(lease.spec?.holderIdentity == "", "the lease was not released on shutdown")
            let calls = cluster.steadCalls()
            print(APICall.table(calls))
            let check = GrantCheck(calls: calls, leaseNamespace: cluster.leaseNamespace)
            let undiscoverable = cluster.steadNonResourcePaths().filter { !GrantCheck.isDiscovery($0) }
            #expect(undiscoverable.isEmpty, "non-resource paths outside system:discovery: \(undiscoverable)")
            #expect(check.missing.isEmpty, "calls AccessRules does not grant:\n\(check.missing.joined(separator: "\n"))")
            // The embedded server serves no apps/v1 StatefulSets and no StorageClasses: their lists answer
            // 404 and no watch follows. The e2e suite runs Stead under these rules against a real authorizer.
            let unservedHere: Set<String> = ["watch statefulsets.apps", "watch storageclasses.storage.k8s.io"]
            let unused = check.unused.filter { !unservedHere.contains($0) }
            #expect(unused.isEmpty, "grants no call used (least privilege):\n\(unused.joined(separator: "\n"))")
        }
    }

    /// The check itself: a call outside the rules and a rule nobody used are both reported.
    @Test func theCheckReportsMissingAndUnusedGrants() {
        let calls = [
            APICall(group: "", resource: "pods", verb: "list", namespace: nil, name: nil),
            APICall(group: "", resource: "secrets", verb: "get", namespace: "a", name: "s"),
            APICall(group: "coordination.k8s.io", resource: "leases", verb: "get", namespace: "elsewhere", name: "l"),
            APICall(
                group: "apiextensions.k8s.io", resource: "customresourcedefinitions", verb: "get", namespace: nil, name: "other"),
        ]
        let check = GrantCheck(calls: calls, leaseNamespace: "stead-system")
        #expect(check.missing.contains { $0.hasPrefix("get secrets") })
        #expect(check.missing.contains { $0.hasPrefix("get leases.coordination.k8s.io") })
        #expect(check.missing.contains { $0.hasPrefix("get customresourcedefinitions.apiextensions.k8s.io") })
        #expect(!check.missing.contains { $0.hasPrefix("list pods") })
        #expect(check.unused.contains("watch pods"))
        #expect(!check.unused.contains("list pods"))
    }
}

// MARK: The cluster

/// The embedded API server with an audit log, NodeSim, and Stead's loops exactly as `stead run
/// --leader-elect` builds them, each with a User-Agent of its own.
final class AuditedCluster: Sendable {
    static let namespace = "audit"
    let leaseNamespace = InstallManifests().namespace
    let identity = "audit-\(UUID().uuidString.lowercased())"
    let api: TestAPIServer
    var auditLogPath: String { api.directory + "/audit.log" }
    /// The test's own requests.
    let admin: KubeClient
    let steadClient: KubeClient
    private let nodeClient: KubeClient
    private let simulator: NodeSimulator
    private let stead: ServiceGroup
    private let steadTask: Task<Void, any Error>
    private let webhook: AdmissionWebhookServer
    let webhookRegistration: WebhookRegistration

    var steadUserAgent: String { RunCommand.userAgent(identity: identity) }

    static func with(_ body: (AuditedCluster) async throws -> Void) async throws {
        let cluster = try await AuditedCluster()
        do {
            try await body(cluster)
        } catch {
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    private init() async throws {
        api = try await TestAPIServer.start(label: "access-audit") { $0.auditLogPath = $0.dataDirectory + "/audit.log" }
        admin = try api.makeClient(userAgent: "access-audit-test")
        nodeClient = try api.makeClient(userAgent: "access-audit-nodesim")
        steadClient = try api.makeClient(userAgent: RunCommand.userAgent(identity: identity))
        simulator = NodeSimulator(
            client: nodeClient,
            configuration: NodeSimConfiguration(
                nodeCount: 4, zones: 1, startLatency: .milliseconds(30), restartLatency: .milliseconds(50),
                crashLoopInterval: .milliseconds(200), leaseRenewInterval: .seconds(1), nodeStatusInterval: .seconds(5)),
            logger: quietLogger("audit.nodesim"))
        try await simulator.start()
        for name in [Self.namespace, leaseNamespace] {
            _ = try await admin.create(Namespace(metadata: ObjectMeta(name: name)))
        }
        // `stead run --install-crd` installs before it starts its loops.
        try await StatefulPodSetCRD.install(using: steadClient)
        // `stead run --webhook-address 127.0.0.1:0` starts its webhook before its loops.
        (webhook, webhookRegistration) = try await AdmissionWebhookServer.start(
            address: ListenAddress(host: "127.0.0.1", port: 0), service: nil,
            secret: ObjectKey(namespace: leaseNamespace, name: InstallManifests.webhookSecret), using: steadClient,
            logger: quietLogger("audit.webhook"))
        stead = Self.leaderElectedStead(
            client: steadClient, identity: identity, leaseNamespace: leaseNamespace, webhook: webhookRegistration)
        let group = stead
        steadTask = Task { try await group.run() }
    }

    /// What `RunCommand.makeLoops` builds for `--leader-elect`, in a group as `stead run` runs it.
    private static func leaderElectedStead(
        client: KubeClient, identity: String, leaseNamespace: String, webhook: WebhookRegistration
    ) -> ServiceGroup {
        let logger = quietLogger("audit.stead")
        let readiness = Readiness()
        let loops = LeaderElectedComponents(
            client: client,
            settings: ElectionSettings(lease: ObjectKey(namespace: leaseNamespace, name: "stead"), identity: identity),
            readiness: readiness, logger: logger,
            makeComponents: { client in
                SteadComponents(client: client, options: ComponentOptions(webhook: webhook), readiness: readiness, logger: logger)
            })
        return ServiceGroup(
            configuration: .init(services: [.init(service: loops)], gracefulShutdownSignals: [], logger: logger))
    }

    /// Shuts Stead down gracefully: the elector releases the Lease, as on SIGTERM.
    func stopStead() async {
        await stead.triggerGracefulShutdown()
        _ = await steadTask.result
    }

    func stop() async {
        await stopStead()
        await webhook.stop()
        await simulator.stop()
        for client in [admin, nodeClient, steadClient] { try? await client.shutdown() }
        await api.stop()
    }

    private var steadEvents: [AuditEvent] {
        AuditLog.read(path: auditLogPath).filter { $0.userAgent == steadUserAgent }
    }

    /// Every resource request Stead's User-Agent sent, as RBAC sees it.
    func steadCalls() -> [APICall] {
        steadEvents.compactMap(APICall.init)
    }

    /// The paths of Stead's requests that name no resource (discovery, version).
    func steadNonResourcePaths() -> Set<String> {
        Set(steadEvents.filter { $0.objectRef == nil }.map { $0.requestURI.split(separator: "?").first.map(String.init) ?? "" })
    }
}

// MARK: The scenario

/// One StatefulPodSet through every path of the controller and scheduler, then an invalid one.
struct AccessScenario {
    let cluster: AuditedCluster
    var admin: KubeClient { cluster.admin }
    let name = "web"
    static let namespace = AuditedCluster.namespace

    func run() async throws {
        try await waitUntilLeading()
        try await reinstallCRDWithADriftedSpec()
        try await registerTheWebhookAgainAfterADrift()
        try await renewTheWebhookCertificate()
        try await createAndScale()
        try await updatePaths()
        try await revisionHistory()
        try await partitionAndRecreate()
        try await scaleDownDeletingClaims()
        try await invalidSet()
        try await unschedulablePod()
        try await deleteSet()
    }

    private func waitUntilLeading() async throws {
        try await eventually(timeout: .seconds(90), "the lease held by \(cluster.identity)") {
            let lease = try? await admin.get(Lease.self, name: "stead", namespace: cluster.leaseNamespace)
            return lease?.spec?.holderIdentity == cluster.identity
        }
    }

    /// A second `--install-crd` start, after someone changed the CRD: read and updated back.
    private func reinstallCRDWithADriftedSpec() async throws {
        let type = ResourceType(
            group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition",
            plural: "customresourcedefinitions", namespaced: false)
        var crd = try await admin.get(type, name: StatefulPodSetCRD.name)
        crd["spec"]?["names"]?["categories"] = ["drifted"]
        _ = try await admin.update(type, crd)
        try await StatefulPodSetCRD.install(using: cluster.steadClient)
        let restored = try await admin.get(type, name: StatefulPodSetCRD.name)
        #expect(restored["spec"] == StatefulPodSetCRD.definition()["spec"])
    }

    /// The next leader registers the webhook again: a configuration someone changed is read and updated.
    private func registerTheWebhookAgainAfterADrift() async throws {
        let type = StatefulPodSetAdmission.configurationType
        var configuration = try await admin.get(type, name: StatefulPodSetAdmission.configurationName)
        configuration["webhooks"] = .array(
            (configuration["webhooks"]?.arrayValue ?? []).map { webhook in
                var webhook = webhook
                webhook["timeoutSeconds"] = 30
                return webhook
            })
        _ = try await admin.update(type, configuration)
        let registration = cluster.webhookRegistration
        try await StatefulPodSetAdmission.register(
            registration.endpoint, caCertificatePEM: registration.caCertificatePEM, using: cluster.steadClient)
        let restored = try await admin.get(type, name: StatefulPodSetAdmission.configurationName)
        #expect(restored["webhooks"]?.arrayValue?.first?["timeoutSeconds"] == 5)
    }

    /// A replica whose webhook answers to another name renews the shared certificate.
    private func renewTheWebhookCertificate() async throws {
        let secret = ObjectKey(namespace: cluster.leaseNamespace, name: InstallManifests.webhookSecret)
        let renewed = try await WebhookCertificates.loadOrCreate(secret: secret, names: ["localhost"], using: cluster.steadClient)
        #expect(try renewed.covers(names: ["localhost"]))
    }

    private func createAndScale() async throws {
        _ = try await admin.create(AuditedSet.make(name, replicas: 2), namespace: Self.namespace)
        try await waitForRollout()
        try await update { $0.spec.replicas = 3 }
        try await waitForRollout()
        #expect(try await claims().count == 3)
    }

    /// In place (image), resize (cpu), same-node recreate (env).
    private func updatePaths() async throws {
        try await update { $0.setImage("nginx:1.26") }
        var set = try await waitForRollout()
        #expect(set.status?.updatedInPlace ?? 0 > 0)
        try await update { $0.setCPU("200m") }
        try await waitForRollout()
        try await update { $0.setEnv("MODE", "fast") }
        set = try await waitForRollout()
        #expect(set.status?.recreatedOnSameNode ?? 0 > 0)
    }

    /// A revision name taken by a stranger (read back after the create fails), a rollback (the old
    /// revision renumbered), then the history trimmed to one.
    private func revisionHistory() async throws {
        var changed = try await currentSet()
        changed.setImage("nginx:1.27")
        var stranger = RevisionBuilder.build(
            for: changed, revisionNumber: 1, collisionCount: changed.status?.collisionCount ?? 0)
        stranger.metadata.ownerReferences = nil
        stranger.data = ["stranger": true]
        _ = try await admin.create(stranger, namespace: Self.namespace)
        try await update { $0.setImage("nginx:1.27") }
        var set = try await waitForRollout()
        #expect(set.status?.collisionCount == 1)

        try await update { $0.setImage("nginx:1.26") }
        set = try await waitForRollout()
        let revisions = try await admin.list(ControllerRevision.self, namespace: Self.namespace).items
        let update = try #require(revisions.first { $0.name == set.status?.updateRevision })
        #expect(update.revision == revisions.map(\.revision).max())

        try await self.update { $0.spec.revisionHistoryLimit = 0 }
        try await eventually(timeout: .seconds(90), "old revisions trimmed") {
            let owned = try await admin.list(ControllerRevision.self, namespace: Self.namespace).items
                .filter { $0.metadata.ownerReferences?.isEmpty == false }
            return owned.count <= 2
        }
    }

    private func partitionAndRecreate() async throws {
        try await update {
            $0.setRolling { $0.partition = 2 }
            $0.setImage("nginx:1.28")
        }
        try await eventually(timeout: .seconds(90), "ordinal 2 updated above the partition") {
            let set = try await currentSet()
            return set.status?.observedGeneration == set.metadata.generation && set.status?.updatedReplicas == 1
        }
        try await update {
            $0.setRolling {
                $0.partition = 0
                $0.podUpdatePolicy = .recreate
            }
            $0.setImage("nginx:1.29")
        }
        let set = try await waitForRollout()
        #expect(set.status?.rescheduled ?? 0 > 0)
    }

    private func scaleDownDeletingClaims() async throws {
        try await update { $0.spec.replicas = 1 }
        try await waitForRollout()
        try await eventually(timeout: .seconds(90), "claims of removed ordinals deleted") { try await claims().count == 1 }
    }

    /// A set whose selector does not match its template: refused by the webhook; stored anyway once the
    /// webhook is gone (as a set from before it), an Event and the Invalid condition.
    private func invalidSet() async throws {
        var bad = AuditedSet.make("bad", replicas: 1)
        bad.spec.selector = LabelSelector(matchLabels: ["app": "other"])
        await #expect(throws: KubeAPIError.self) { try await admin.create(bad, namespace: Self.namespace) }
        _ = try await admin.delete(
            StatefulPodSetAdmission.configurationType, name: StatefulPodSetAdmission.configurationName)
        _ = try await admin.create(bad, namespace: Self.namespace)
        try await eventually(timeout: .seconds(90), "Invalid condition on bad") {
            let set = try await admin.get(StatefulPodSet.self, name: "bad", namespace: Self.namespace)
            return set.status?.condition(.invalid)?.status == "True"
        }
        try await eventually(timeout: .seconds(90), "InvalidSpec event") {
            try await admin.list(Event.self, namespace: Self.namespace).items.contains {
                $0.involvedObject.name == "bad" && $0.reason == "InvalidSpec"
            }
        }
    }

    /// A pod for Stead's scheduler that fits no node: PodScheduled=False through pods/status.
    private func unschedulablePod() async throws {
        let json: JSONValue = [
            "metadata": ["name": "huge", "namespace": .string(Self.namespace)],
            "spec": [
                "schedulerName": "stead",
                "containers": [["name": "app", "image": "nginx", "resources": ["requests": ["cpu": "1000"]]]],
            ],
        ]
        let pod = try KubeJSON.decode(Pod.self, from: json)
        _ = try await admin.create(pod, namespace: Self.namespace)
        try await eventually(timeout: .seconds(90), "huge reported unschedulable") {
            let current = try await admin.get(Pod.self, name: "huge", namespace: Self.namespace)
            return current.status?.conditions?.contains { $0.type == "PodScheduled" && $0.status == "False" } == true
        }
    }

    private func deleteSet() async throws {
        try await admin.delete(StatefulPodSet.self, name: name, namespace: Self.namespace)
        try await eventually(timeout: .seconds(90), "pods of \(name) gone") {
            try await admin.list(Pod.self, namespace: Self.namespace, options: ownedBySet).items.isEmpty
        }
    }

    // MARK: Helpers

    private var ownedBySet: ListOptions { ListOptions(labelSelector: "\(SteadKeys.set)=\(name)") }

    private func currentSet() async throws -> StatefulPodSet {
        try await admin.get(StatefulPodSet.self, name: name, namespace: Self.namespace)
    }

    private func claims() async throws -> [PersistentVolumeClaim] {
        try await admin.list(PersistentVolumeClaim.self, namespace: Self.namespace, options: ownedBySet).items
    }

    /// A read-modify-write of the set's spec, retried on conflict.
    private func update(_ change: (inout StatefulPodSet) -> Void) async throws {
        for _ in 0..<20 {
            var set = try await currentSet()
            change(&set)
            do {
                _ = try await admin.update(set, namespace: Self.namespace)
                return
            } catch let error as KubeAPIError where error.isConflict {
                continue
            }
        }
        throw TimeoutError(what: "an update of \(name) that kept conflicting")
    }

    /// Waits until the set observed its generation and every replica runs the update revision, Ready.
    @discardableResult
    private func waitForRollout() async throws -> StatefulPodSet {
        try await eventually(timeout: .seconds(90), "rollout of \(name)") {
            let set = try await currentSet()
            guard let status = set.status, status.observedGeneration == set.metadata.generation else { return false }
            let replicas = set.spec.replicas ?? 1
            return status.replicas == replicas && status.readyReplicas == replicas
                && status.updatedReplicas == replicas && status.currentRevision == status.updateRevision
        }
        return try await currentSet()
    }
}

/// The scenario's set: container `app` with small requests, a `data` claim deleted on scale-down, no
/// in-place grace period.
enum AuditedSet {
    static func make(_ name: String, replicas: Int32) -> StatefulPodSet {
        let labels = ["app": name]
        let container: JSONValue = [
            "name": "app", "image": "nginx:1.25", "resources": ["requests": ["cpu": "100m", "memory": "64Mi"]],
        ]
        let claim = PersistentVolumeClaimTemplate(json: [
            "metadata": ["name": "data"],
            "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
        ])
        let spec = StatefulPodSetSpec(
            replicas: replicas, selector: LabelSelector(matchLabels: labels),
            template: PodTemplateSpec(json: [
                "metadata": ["labels": .object(labels.mapValues(JSONValue.string))], "spec": ["containers": [container]],
            ]),
            volumeClaimTemplates: [claim],
            persistentVolumeClaimRetentionPolicy: PersistentVolumeClaimRetentionPolicy(whenScaled: .delete),
            updateStrategy: UpdateStrategy(
                rollingUpdate: RollingUpdateStrategy(inPlaceGracePeriodSeconds: 0, podUpdatePolicy: .inPlaceIfPossible)))
        return StatefulPodSet(metadata: ObjectMeta(name: name, namespace: AuditedCluster.namespace), spec: spec)
    }
}

extension StatefulPodSet {
    fileprivate mutating func editContainer(_ change: (inout JSONValue) -> Void) {
        var podSpec = spec.template.json["spec"] ?? [:]
        var containers = podSpec["containers"]?.arrayValue ?? []
        for index in containers.indices { change(&containers[index]) }
        podSpec["containers"] = .array(containers)
        spec.template.json["spec"] = podSpec
    }

    fileprivate mutating func setImage(_ image: String) { editContainer { $0["image"] = .string(image) } }
    fileprivate mutating func setEnv(_ name: String, _ value: String) {
        editContainer { $0["env"] = [["name": .string(name), "value": .string(value)]] }
    }
    fileprivate mutating func setCPU(_ cpu: String) {
        editContainer { $0["resources"] = ["requests": ["cpu": .string(cpu), "memory": "64Mi"]] }
    }

    fileprivate mutating func setRolling(_ change: (inout RollingUpdateStrategy) -> Void) {
        var strategy = spec.updateStrategy ?? UpdateStrategy()
        var rolling = strategy.rollingUpdate ?? RollingUpdateStrategy()
        change(&rolling)
        strategy.rollingUpdate = rolling
        spec.updateStrategy = strategy
    }
}

// MARK: The check

/// One request as RBAC authorizes it.
struct APICall: Hashable, Comparable {
    var group: String
    /// `pods`, or `pods/status` for a subresource.
    var resource: String
    var verb: String
    var namespace: String?
    var name: String?

    init(group: String, resource: String, verb: String, namespace: String?, name: String?) {
        self.group = group
        self.resource = resource
        self.verb = verb
        self.namespace = namespace
        self.name = name
    }

    /// nil for a non-resource request (discovery), which RBAC grants every authenticated user.
    init?(_ event: AuditEvent) {
        guard let reference = event.objectRef, let resource = reference.resource else { return nil }
        self.init(
            group: reference.apiGroup ?? "", resource: reference.subresource.map { "\(resource)/\($0)" } ?? resource,
            verb: event.verb, namespace: reference.namespace, name: reference.name)
    }

    var permission: String { "\(verb) \(resource)\(group.isEmpty ? "" : ".\(group)")" }

    static func < (lhs: APICall, rhs: APICall) -> Bool {
        (lhs.group, lhs.resource, lhs.verb) < (rhs.group, rhs.resource, rhs.verb)
    }

    /// `resource.group   verbs` per line, for the report.
    static func table(_ calls: [APICall]) -> String {
        var verbs: [String: Set<String>] = [:]
        for call in calls {
            verbs["\(call.resource)\(call.group.isEmpty ? "" : ".\(call.group)")", default: []].insert(call.verb)
        }
        return verbs.keys.sorted().map { key in
            key.padding(toLength: 48, withPad: " ", startingAt: 0) + verbs[key, default: []].sorted().joined(separator: ",")
        }.joined(separator: "\n")
    }
}

/// AccessRules expanded to one grant per (group, resource, verb), checked both ways against the calls.
struct GrantCheck {
    struct Grant: Hashable {
        var group: String
        var resource: String
        var verb: String
        var resourceNames: [String]
        /// nil: cluster-wide (ClusterRole); else the Role's namespace.
        var namespace: String?

        func allows(_ call: APICall) -> Bool {
            guard call.group == group, call.resource == resource, call.verb == verb else { return false }
            if let namespace, call.namespace != namespace { return false }
            guard !resourceNames.isEmpty else { return true }
            return call.name.map(resourceNames.contains) ?? false
        }

        var permission: String {
            "\(verb) \(resource)\(group.isEmpty ? "" : ".\(group)")"
                + (resourceNames.isEmpty ? "" : " \(resourceNames)") + (namespace.map { " in \($0)" } ?? "")
        }
    }

    /// Calls no grant allows, as `verb resource.group (namespace/name)`.
    let missing: [String]
    /// Grants no call used, as `verb resource.group`.
    let unused: [String]

    init(calls: [APICall], leaseNamespace: String) {
        let grants = Self.grants(AccessRules.cluster, namespace: nil)
            + Self.grants(AccessRules.ownNamespace, namespace: leaseNamespace)
        var missing: Set<String> = []
        for call in calls where !grants.contains(where: { $0.allows(call) }) {
            missing.insert("\(call.permission) (\(call.namespace ?? "-")/\(call.name ?? "-"))")
        }
        self.missing = missing.sorted()
        unused = grants.filter { grant in !calls.contains(where: grant.allows) }.map(\.permission).sorted()
    }

    /// What Kubernetes' `system:discovery` and `system:public-info-viewer` roles let every authenticated
    /// user read, so AccessRules need not grant it.
    static func isDiscovery(_ path: String) -> Bool {
        let exact: Set<String> = ["/api", "/apis", "/version", "/healthz", "/livez", "/readyz", "/openapi/v2"]
        return exact.contains(path) || ["/api/", "/apis/", "/openapi/v3"].contains { path.hasPrefix($0) }
    }

    static func grants(_ rules: [AccessRule], namespace: String?) -> [Grant] {
        rules.flatMap { rule in
            rule.resources.flatMap { resource in
                rule.verbs.map { verb in
                    Grant(
                        group: rule.group, resource: resource, verb: verb, resourceNames: rule.resourceNames,
                        namespace: namespace)
                }
            }
        }
    }
}
