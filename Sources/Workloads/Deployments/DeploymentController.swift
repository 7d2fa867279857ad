import Foundation
import KubeClient
import KubeModel
import Logging

/// Rolls each Deployment out through ReplicaSets: one per template (named by its hash, numbered by
/// revision), scaled step by step as its strategy says (``DeploymentPlan``), the old ones beyond
/// `revisionHistoryLimit` deleted; writes the status `kubectl rollout status` reads.
struct DeploymentController: Sendable {
    let client: KubeClient
    let caches: WorkloadCaches
    let events: WorkloadEvents
    let logger: Logger

    func reconcile(_ key: String) async throws -> Duration? {
        guard let deployment = await caches.deployments.store.get(key), !deployment.isDeleting else { return nil }
        let namespace = deployment.namespace
        let template = deployment.spec?["template"]
        let sets = await caches.replicaSets(controlledBy: deployment.uid, namespace: namespace)
            .sorted { DeploymentPlan.revision($0) < DeploymentPlan.revision($1) }
        let claim = ControllerRefs.claim(
            controlled: sets, orphans: await caches.orphanReplicaSets(in: namespace),
            selector: LabelSelector(deployment.spec?["selector"]))
        if try await ControllerRefs(client: client).apply(claim, owner: deployment) { return nil }
        let collisions = deployment.status?["collisionCount"]?.intValue ?? 0
        let current = sets.first { TemplateEquality.equal(DeploymentPlan.templateWithoutHash($0), template) }
        let old = sets.filter { $0.uid != current?.uid }
        let maxOldRevision = old.map(DeploymentPlan.revision).max() ?? 0
        let paused = deployment.spec?["paused"]?.boolValue == true
        let newSet: ReplicaSet?
        if let current {
            newSet = current
            if DeploymentPlan.revision(current) <= maxOldRevision {
                try await annotate(current, revision: maxOldRevision + 1)
                return nil  // the informer brings the renumbered set back
            }
            let minReady = deployment.spec?["minReadySeconds"]?.intValue ?? 0
            if (current.spec?["minReadySeconds"]?.intValue ?? 0) != minReady {
                _ = try await client.patch(
                    ReplicaSet.resourceType, name: current.name, namespace: current.namespace,
                    patch: .merge(["spec": ["minReadySeconds": .int(minReady)]]))
            }
        } else if paused {
            newSet = nil  // a paused Deployment's template changes start no rollout until it is resumed
        } else {
            guard let created = try await createReplicaSet(for: deployment, revision: maxOldRevision + 1, collisions: collisions)
            else { return nil }
            newSet = created
        }
        if let newSet,
            deployment.metadata.annotations?[DeploymentPlan.revisionAnnotation] != String(DeploymentPlan.revision(newSet))
        {
            try await annotateDeployment(deployment, revision: DeploymentPlan.revision(newSet))
        }
        let all = newSet.map { newSet in sets.contains { $0.uid == newSet.uid } ? sets : sets + [newSet] } ?? sets
        if paused || isScalingEvent(deployment, sets: all) {
            try await scaleToSpec(deployment, new: newSet, old: old)
        } else if let newSet {
            try await scale(deployment, new: newSet, old: old)
        }
        try await cleanUp(deployment, old: old)
        return try await writeStatus(deployment, new: newSet, all: all)
    }

    // MARK: Sets

    private func createReplicaSet(for deployment: Deployment, revision: Int64, collisions: Int64) async throws -> ReplicaSet? {
        let hash = DeploymentPlan.templateHash(deployment.spec?["template"], collisionCount: collisions)
        var template = deployment.spec?["template"] ?? [:]
        var templateMetadata = template["metadata"]?.objectValue ?? [:]
        var labels = templateMetadata["labels"]?.objectValue ?? [:]
        labels[DeploymentPlan.hashLabel] = .string(hash)
        templateMetadata["labels"] = .object(labels)
        template["metadata"] = .object(templateMetadata)
        var selector = deployment.spec?["selector"]?.objectValue ?? [:]
        var matchLabels = selector["matchLabels"]?.objectValue ?? [:]
        matchLabels[DeploymentPlan.hashLabel] = .string(hash)
        selector["matchLabels"] = .object(matchLabels)
        var annotations = (deployment.metadata.annotations ?? [:]).filter {
            $0.key != "kubectl.kubernetes.io/last-applied-configuration" && $0.key != DeploymentPlan.revisionAnnotation
        }
        annotations[DeploymentPlan.revisionAnnotation] = String(revision)
        for (key, value) in DeploymentPlan.scaleAnnotations(deployment.spec, replicas: deployment.replicas) {
            annotations[key] = value.stringValue
        }
        var spec: JSONObject = ["replicas": 0, "selector": .object(selector), "template": template]
        if let minReady = deployment.spec?["minReadySeconds"] { spec["minReadySeconds"] = minReady }
        let body: JSONValue = [
            "apiVersion": "apps/v1", "kind": "ReplicaSet",
            "metadata": [
                "name": .string("\(deployment.name)-\(hash)"), "namespace": .string(deployment.namespace ?? ""),
                "labels": .object(labels), "annotations": .object(annotations.mapValues(JSONValue.string)),
                "ownerReferences": [deployment.controllerReference.controllerJSON],
            ],
            "spec": .object(spec),
        ]
        do {
            let created = try await client.create(ReplicaSet.resourceType, body, namespace: deployment.namespace)
            logger.info("replica set created", metadata: ["deployment": "\(deployment.key)", "replicaSet": "\(deployment.name)-\(hash)"])
            return try KubeJSON.decode(ReplicaSet.self, from: created)
        } catch let error as KubeAPIError where error.isAlreadyExists {
            // Another template hashed to this name (or the cache is behind): count a collision and retry.
            let existing = try await client.get(ReplicaSet.self, name: "\(deployment.name)-\(hash)", namespace: deployment.namespace ?? "")
            let sameTemplate = TemplateEquality.equal(DeploymentPlan.templateWithoutHash(existing), deployment.spec?["template"])
            if existing.metadata.controllerReference?.uid == deployment.uid && sameTemplate { return existing }
            // An orphan of this template the cache does not show as such yet: adopted, it comes back owned.
            if existing.metadata.controllerReference == nil && sameTemplate
                && LabelSelector(deployment.spec?["selector"])?.matches(existing.metadata.labels ?? [:]) == true
            {
                try await ControllerRefs(client: client).adopt(existing, owner: deployment)
                return nil
            }
            _ = try await client.patch(
                Deployment.resourceType, name: deployment.name, namespace: deployment.namespace,
                patch: .merge(["status": ["collisionCount": .int(collisions + 1)]]), subresource: "status")
            return nil
        }
    }

    private func annotate(_ set: ReplicaSet, revision: Int64) async throws {
        _ = try await client.patch(
            ReplicaSet.resourceType, name: set.name, namespace: set.namespace,
            patch: .merge(["metadata": ["annotations": [.init(DeploymentPlan.revisionAnnotation): .string(String(revision))]]]))
    }

    private func annotateDeployment(_ deployment: Deployment, revision: Int64) async throws {
        _ = try await client.patch(
            Deployment.resourceType, name: deployment.name, namespace: deployment.namespace,
            patch: .merge(["metadata": ["annotations": [.init(DeploymentPlan.revisionAnnotation): .string(String(revision))]]]))
    }

    private func scale(_ deployment: Deployment, new: ReplicaSet, old: [ReplicaSet]) async throws {
        let replicas = deployment.replicas
        let targets: [String: Int64]
        if deployment.spec?[path: ["strategy", "type"]]?.stringValue == "Recreate" {
            var oldPodsRemain = false
            for set in old {
                // Finished pods run nothing (and are never deleted by their set): they do not hold up the new one.
                let pods = await caches.pods(controlledBy: set.uid, namespace: set.namespace)
                if pods.contains(where: { !$0.hasFinished }) { oldPodsRemain = true }
            }
            targets = DeploymentPlan.recreateStep(
                replicas: replicas, new: Self.state(new), old: old.map(Self.state), oldPodsRemain: oldPodsRemain)
        } else {
            let limits = DeploymentPlan.rollingLimits(deployment.spec, replicas: replicas)
            targets = DeploymentPlan.rollingStep(
                replicas: replicas, surge: limits.surge, unavailable: limits.unavailable, new: Self.state(new),
                old: old.map(Self.state))
        }
        try await apply(targets, to: deployment)
    }

    /// `spec.replicas` changed since a set with pods was last scaled (its `desired-replicas` says so).
    private func isScalingEvent(_ deployment: Deployment, sets: [ReplicaSet]) -> Bool {
        sets.contains {
            $0.replicas > 0 && $0.metadata.annotations?[DeploymentPlan.desiredReplicasAnnotation] != String(deployment.replicas)
        }
    }

    /// A Deployment resized (or paused) is scaled without a rollout step (kube-controller-manager's
    /// `sync`): the one set with pods (or else the newest) follows `spec.replicas`; a saturated new
    /// set leaves the old ones at zero; a rolling update halfway scales its sets proportionally.
    private func scaleToSpec(_ deployment: Deployment, new: ReplicaSet?, old: [ReplicaSet]) async throws {
        let all = (new.map { [$0] } ?? []) + old
        let active = all.filter { $0.replicas > 0 }
        if active.count <= 1 {
            let newest = all.max { ($0.metadata.creationTimestamp?.date ?? .distantPast) < ($1.metadata.creationTimestamp?.date ?? .distantPast) }
            guard let target = active.first ?? newest, target.replicas != deployment.replicas else { return }
            try await apply([target.name: deployment.replicas], to: deployment)
            return
        }
        if let new, new.replicas == deployment.replicas, new.status?["availableReplicas"]?.intValue == deployment.replicas,
            new.metadata.annotations?[DeploymentPlan.desiredReplicasAnnotation] == String(deployment.replicas)
        {
            try await apply(Dictionary(uniqueKeysWithValues: old.filter { $0.replicas > 0 }.map { ($0.name, Int64(0)) }), to: deployment)
            return
        }
        guard deployment.spec?[path: ["strategy", "type"]]?.stringValue != "Recreate" else { return }
        let surge = DeploymentPlan.maxSurge(deployment.spec, replicas: deployment.replicas)
        let sizes = DeploymentPlan.proportionalScale(
            replicas: deployment.replicas, maxSurge: surge, statusReplicas: deployment.status?["replicas"]?.intValue ?? 0,
            active: active.map {
                DeploymentPlan.ScaledSet(
                    name: $0.name, replicas: $0.replicas,
                    maxReplicas: $0.metadata.annotations?[DeploymentPlan.maxReplicasAnnotation].flatMap { Int64($0) },
                    created: $0.metadata.creationTimestamp?.date ?? .distantPast)
            })
        try await apply(sizes, to: deployment)
    }

    private func apply(_ targets: [String: Int64], to deployment: Deployment) async throws {
        for (name, count) in targets.sorted(by: { $0.key < $1.key }) {
            let before = await caches.replicaSets.store.get(ObjectKey(namespace: deployment.namespace, name: name))?.replicas
            _ = try await client.patch(
                ReplicaSet.resourceType, name: name, namespace: deployment.namespace,
                patch: .merge([
                    "metadata": ["annotations": .object(DeploymentPlan.scaleAnnotations(deployment.spec, replicas: deployment.replicas))],
                    "spec": ["replicas": .int(count)],
                ]))
            if let before, before != count {
                let direction = count > before ? "up" : "down"
                events.normal(deployment, "ScalingReplicaSet", "Scaled \(direction) replica set \(name) from \(before) to \(count)")
            }
        }
    }


    /// A set's place in the rollout: its desired replicas, its available pods, and the pods its status
    /// still counts (more than desired while a scale-down is under way).
    static func state(_ set: ReplicaSet) -> DeploymentPlan.SetState {
        .init(
            name: set.name, replicas: set.replicas, available: set.status?["availableReplicas"]?.intValue ?? 0,
            pods: set.status?["replicas"]?.intValue ?? 0)
    }

    /// Old sets scaled to zero, beyond `revisionHistoryLimit`, oldest first.
    private func cleanUp(_ deployment: Deployment, old: [ReplicaSet]) async throws {
        let limit = Int(deployment.spec?["revisionHistoryLimit"]?.intValue ?? 10)
        let idle = old.filter { $0.replicas == 0 && ($0.status?["replicas"]?.intValue ?? 0) == 0 && !$0.isDeleting }
        for set in idle.prefix(max(0, idle.count - limit)) {
            do {
                try await client.delete(ReplicaSet.self, name: set.name, namespace: set.namespace ?? "")
            } catch let error as KubeAPIError where error.isNotFound {}
        }
    }

    // MARK: Status

    /// Writes the status the sets give the Deployment; returns when to look again for the progress
    /// deadline, while a rollout is under way.
    private func writeStatus(_ deployment: Deployment, new: ReplicaSet?, all: [ReplicaSet]) async throws -> Duration? {
        func sum(_ field: String) -> Int64 { all.reduce(0) { $0 + ($1.status?[field]?.intValue ?? 0) } }
        let replicas = deployment.replicas
        let specTotal = all.reduce(Int64(0)) { $0 + $1.replicas }
        let available = sum("availableReplicas")
        let updated = new?.status?["replicas"]?.intValue ?? 0
        let limits = DeploymentPlan.rollingLimits(deployment.spec, replicas: replicas)
        let minimum = deployment.spec?[path: ["strategy", "type"]]?.stringValue == "Recreate" ? replicas : replicas - limits.unavailable
        let complete = updated == replicas && available == replicas && sum("replicas") == replicas
            && (new?.status?["availableReplicas"]?.intValue ?? 0) == replicas
        let date = Date()
        let now = KubeTime(date).description
        let previous = deployment.status?["conditions"]?.arrayValue ?? []
        func condition(_ type: String, _ status: String, _ reason: String, _ message: String, touch: Bool = false) -> JSONValue {
            let before = previous.first { $0["type"]?.stringValue == type }
            let sameStatus = before?["status"]?.stringValue == status
            let unchanged = sameStatus && before?["reason"]?.stringValue == reason && !touch
            return [
                "type": .string(type), "status": .string(status), "reason": .string(reason),
                "message": .string(message),
                "lastUpdateTime": unchanged ? before?["lastUpdateTime"] ?? .string(now) : .string(now),
                "lastTransitionTime": sameStatus ? before?["lastTransitionTime"] ?? .string(now) : .string(now),
            ]
        }
        let availableCondition = available >= minimum
            ? condition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
            : condition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.")
        let ready = sum("readyReplicas")
        let total = sum("replicas")
        let before = previous.first { $0["type"]?.stringValue == "Progressing" }
        let progress = DeploymentPlan.progress(
            paused: deployment.spec?["paused"]?.boolValue == true || new == nil, complete: complete,
            progressed: DeploymentPlan.progressed(
                from: deployment.status, generation: deployment.generation, updated: updated, ready: ready,
                available: available, replicas: total),
            previousReason: before?["reason"]?.stringValue,
            lastProgress: before?["lastUpdateTime"]?.stringValue.flatMap { KubeTime(text: $0)?.date },
            deadlineSeconds: deployment.spec?["progressDeadlineSeconds"]?.intValue, now: date)
        let setName = new?.name ?? ""
        let progressing: JSONValue
        switch progress {
        case .paused:
            progressing = condition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused")
        case .complete:
            progressing = condition(
                "Progressing", "True", "NewReplicaSetAvailable", "ReplicaSet \"\(setName)\" has successfully progressed.")
        case .progressing(let touched, _):
            progressing = condition(
                "Progressing", "True", "ReplicaSetUpdated", "ReplicaSet \"\(setName)\" is progressing.", touch: touched)
        case .timedOut:
            progressing = before?["reason"]?.stringValue == DeploymentPlan.deadlineExceeded
                ? before ?? .null
                : condition(
                    "Progressing", "False", DeploymentPlan.deadlineExceeded, "ReplicaSet \"\(setName)\" has timed out progressing.")
        }
        var status: JSONObject = [
            "observedGeneration": .int(deployment.generation), "replicas": .int(total),
            "updatedReplicas": .int(updated), "readyReplicas": .int(ready),
            "availableReplicas": .int(available), "unavailableReplicas": .int(max(0, specTotal - available)),
            "terminatingReplicas": .int(sum("terminatingReplicas")),
            "conditions": [availableCondition, progressing],
        ]
        if let collisions = deployment.status?["collisionCount"], collisions != .null { status["collisionCount"] = collisions }
        let wanted = JSONValue.object(status)
        if !Self.sameIgnoringTimes(wanted, deployment.status) {
            _ = try await client.patch(
                Deployment.resourceType, name: deployment.name, namespace: deployment.namespace,
                patch: .merge(["status": wanted]), subresource: "status")
        }
        if case .progressing(_, let deadline?) = progress { return deadline }
        return nil
    }

    /// Whether two statuses differ only in their conditions' times (no write for those).
    static func sameIgnoringTimes(_ a: JSONValue, _ b: JSONValue?) -> Bool {
        func strip(_ value: JSONValue?) -> JSONValue? {
            guard var value else { return nil }
            value["conditions"] = .array((value["conditions"]?.arrayValue ?? []).map { condition in
                var condition = condition
                condition["lastUpdateTime"] = nil
                condition["lastTransitionTime"] = nil
                return condition
            })
            return value
        }
        return strip(a) == strip(b)
    }
}
