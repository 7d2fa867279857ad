import Testing

/// Stead on a real Kubernetes cluster (`STEAD_E2E_KUBECONFIG`): installed from `deploy/` with kubectl,
/// run with its ServiceAccount's token, nodes played by NodeSim. The scenarios run one after another:
/// they share Stead's replicas and the cluster's control plane, and two of them stop a replica.
@Suite("End to end on a real cluster", .serialized, .realCluster, .timeLimit(.minutes(10)))
struct EndToEnd {}
