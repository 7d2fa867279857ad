import KubeModel

/// One host port a pod asks for. An empty or `0.0.0.0` host IP means every address of the node.
struct HostPort: Sendable, Hashable {
    static let anyAddress = "0.0.0.0"

    var hostIP: String
    var `protocol`: String
    var port: Int32

    init(hostIP: String?, protocol: String?, port: Int32) {
        self.hostIP = (hostIP?.isEmpty ?? true) ? HostPort.anyAddress : hostIP!
        self.protocol = (`protocol`?.isEmpty ?? true) ? "TCP" : `protocol`!
        self.port = port
    }

    /// Same protocol and port, on the same address or with either side listening on every address.
    func conflicts(with other: HostPort) -> Bool {
        guard port == other.port, self.protocol == other.protocol else { return false }
        return hostIP == other.hostIP || hostIP == HostPort.anyAddress || other.hostIP == HostPort.anyAddress
    }
}
