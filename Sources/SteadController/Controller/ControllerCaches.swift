import Foundation
import KubeClient
import KubeModel
import SteadAPI

/// The informer caches a reconcile reads from.
struct ControllerCaches: Sendable {
    let sets: Store<StatefulPodSet>
    let pods: Store<Pod>
    let claims: Store<PersistentVolumeClaim>
    let revisions: Store<ControllerRevision>
    let nodes: Store<Node>

    /// Everything one set's reconcile looks at, read once.
    func view(of set: StatefulPodSet, now: Date) async -> SetView {
        let uid = set.metadata.uid ?? ""
        let pods = await self.pods.byOwner(uid: uid).filter { $0.metadata.controllerReference?.uid == uid }
        let revisions = await self.revisions.byOwner(uid: uid).filter { $0.metadata.controllerReference?.uid == uid }
        let claims = await self.claims.byNamespace(set.metadata.namespace ?? "").filter {
            $0.metadata.labels?[SteadKeys.set] == set.name
        }
        var nodes: [String: NodeState] = [:]
        for node in await self.nodes.list() { nodes[node.name] = NodeState(node: node, now: now) }
        for pod in pods {
            if let node = pod.nodeName, nodes[node] == nil { nodes[node] = NodeState(health: .gone) }
        }
        return SetView(set: set, pods: pods, revisions: revisions, claims: claims, nodes: nodes, now: now)
    }
}

/// One set and what it owns, as the caches show them at the start of a reconcile.
struct SetView: Sendable {
    var set: StatefulPodSet
    var pods: [Pod]
    var revisions: [ControllerRevision]
    var claims: [PersistentVolumeClaim]
    var nodes: [String: NodeState]
    var now: Date

    func pod(named name: String) -> Pod? { pods.first { $0.name == name } }
}
