import Foundation
import KubeModel

/// What the planner needs to know about a node, taken from the Node informer.
public struct NodeState: Sendable, Hashable {
    public var health: NodeHealth
    public var labels: [String: String]

    public init(health: NodeHealth, labels: [String: String] = [:]) {
        self.health = health
        self.labels = labels
    }

    /// From a Node object: Ready True is ready; anything else is NotReady since the condition's last
    /// transition (or `now` when unknown).
    public init(node: Node, now: Date) {
        let ready = node.status?.condition(ConditionType.ready)
        if ready?.status == "True" {
            health = .ready
        } else {
            health = .notReady(since: ready?.lastTransitionTime?.date ?? now)
        }
        labels = node.metadata.labels ?? [:]
        labels["kubernetes.io/hostname"] = labels["kubernetes.io/hostname"] ?? node.name
    }
}

public enum NodeHealth: Sendable, Hashable {
    case ready
    case notReady(since: Date)
    /// The Node object was deleted: the node will not come back.
    case gone
}
