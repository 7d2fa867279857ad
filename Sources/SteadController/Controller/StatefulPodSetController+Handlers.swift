import KubeClient
import KubeModel
import SteadAPI

extension StatefulPodSetController {
    /// Handlers only enqueue set keys; the reconcile reads everything from the caches.
    func registerHandlers() {
        let queue = self.queue
        sets.addEventHandler(.enqueueKeys(into: queue))
        pods.addEventHandler(Self.enqueueOwner(into: queue))
        claims.addEventHandler(Self.enqueueOwner(into: queue))
        revisions.addEventHandler(Self.enqueueOwner(into: queue))
        let sets = self.sets
        nodes.addEventHandler(
            EventHandler(
                onAdd: { _ in },
                onUpdate: { old, new in
                    guard Self.placementRelevantChange(from: old, to: new) else { return }
                    for key in await sets.store.keys { await queue.add(key) }
                },
                onDelete: { _ in for key in await sets.store.keys { await queue.add(key) } }))
    }

    /// Enqueues the set an object belongs to: its controller owner when that is a StatefulPodSet, else
    /// the `stead.dev/set` label.
    static func enqueueOwner<T: KubeResource>(into queue: WorkQueue<String>) -> EventHandler<T> {
        let enqueue: @Sendable (T) async -> Void = { object in
            if let key = setKey(of: object) { await queue.add(key) }
        }
        return EventHandler(onAdd: enqueue, onUpdate: { _, new in await enqueue(new) }, onDelete: enqueue)
    }

    static func setKey<T: KubeResource>(of object: T) -> String? {
        let name: String?
        if let owner = object.metadata.controllerReference, owner.kind == StatefulPodSet.resourceType.kind,
            owner.apiVersion == StatefulPodSet.resourceType.apiVersion
        {
            name = owner.name
        } else {
            name = object.metadata.labels?[SteadKeys.set]
        }
        guard let name, !name.isEmpty else { return nil }
        return ObjectKey(namespace: object.metadata.namespace, name: name).description
    }

    /// Readiness and labels decide node loss and whether a pod may come back to its node.
    static func placementRelevantChange(from old: Node, to new: Node) -> Bool {
        old.metadata.labels != new.metadata.labels
            || old.status?.condition(ConditionType.ready)?.status != new.status?.condition(ConditionType.ready)?.status
    }
}
