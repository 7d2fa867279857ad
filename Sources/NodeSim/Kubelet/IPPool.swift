/// The free pod addresses of one node's /24: hands out the lowest free host number, never one in use.
struct IPPool: Sendable {
    private var used: Set<Int> = []
    private var next: Int = NodeAddressing.podHosts.lowerBound

    var inUse: Int { used.count }

    /// A free host number, or nil when all 253 are taken. Addresses are handed out round-robin, so a
    /// freed one is not reused at once (like a CNI's IPAM).
    mutating func allocate() -> Int? {
        let range = NodeAddressing.podHosts
        for step in 0..<range.count {
            let candidate = range.lowerBound + (next - range.lowerBound + step) % range.count
            if !used.contains(candidate) {
                used.insert(candidate)
                next = candidate + 1 > range.upperBound ? range.lowerBound : candidate + 1
                return candidate
            }
        }
        return nil
    }

    /// Takes a specific host number (adopting a pod that already has that IP); false when in use.
    mutating func claim(_ host: Int) -> Bool {
        guard NodeAddressing.podHosts.contains(host), !used.contains(host) else { return false }
        used.insert(host)
        return true
    }

    mutating func release(_ host: Int) { used.remove(host) }
}
