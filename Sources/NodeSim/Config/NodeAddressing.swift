/// The network of one simulated node: node `i` owns `10.(i/256).(i%256).0/24`; the node itself is `.1`
/// and its pods get `.2` ... `.254`. Pure: tests use it to check "this IP is in the node's range".
public struct NodeAddressing: Sendable, Hashable {
    public let index: Int

    public init(index: Int) {
        precondition(index >= 0 && index < 65_536, "node index \(index) does not fit the 10.x.y.0/24 scheme")
        self.index = index
    }

    /// `10.a.b` — the first three octets.
    public var prefix: String { "10.\(index / 256).\(index % 256)" }

    /// `spec.podCIDR`, e.g. `10.0.3.0/24`.
    public var podCIDR: String { "\(prefix).0/24" }

    /// The node's InternalIP (and every pod's hostIP).
    public var nodeIP: String { "\(prefix).1" }

    /// Host numbers pods may use.
    public static let podHosts: ClosedRange<Int> = 2...254

    public func podIP(host: Int) -> String { "\(prefix).\(host)" }

    /// The host number of `ip` when it is a pod address of this node.
    public func host(of ip: String) -> Int? {
        guard ip.hasPrefix(prefix + "."), let host = Int(ip.dropFirst(prefix.count + 1)),
            Self.podHosts.contains(host)
        else { return nil }
        return host
    }

    /// True when `ip` lies in the node's /24.
    public func contains(_ ip: String) -> Bool {
        guard ip.hasPrefix(prefix + "."), let last = Int(ip.dropFirst(prefix.count + 1)) else { return false }
        return (0...255).contains(last)
    }
}
