import KubeModel

/// The sticky path: check the previous node, and only it, against the replacement pod's new spec with
/// every filter; no scoring. The identity's reservation on that node is capacity the pod may use.
func evaluateSticky(
    pod: PodInfo, previousNode: String, snapshot: ClusterSnapshot, plugins: [any FilterPlugin]
) -> StickyDecision {
    guard let node = snapshot.node(named: previousNode) else {
        return .fallback(reason: .nodeGone(node: previousNode))
    }
    guard node.isReady else {
        return .fallback(reason: .nodeNotReady(node: previousNode, since: node.notReadySince))
    }
    let state = CycleState(pod: pod, snapshot: snapshot)
    for plugin in plugins where plugin.isRelevant(for: pod, state: state) {
        if case .unschedulable(let reasons) = plugin.filter(pod: pod, node: node, state: state) {
            return .fallback(reason: .filtered(node: previousNode, plugin: plugin.name, reasons: reasons))
        }
    }
    return .bind(node: previousNode, evaluations: 1)
}

func evaluateSticky(
    pod: Pod, previousNode: String, snapshot: ClusterSnapshot,
    plugins: [any FilterPlugin] = SchedulerProfile.default.filters
) -> StickyDecision {
    evaluateSticky(pod: PodInfo(pod), previousNode: previousNode, snapshot: snapshot, plugins: plugins)
}
