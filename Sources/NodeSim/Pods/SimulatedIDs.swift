/// Stable, realistic-looking IDs for simulated images and containers.
enum SimulatedIDs {
    /// `docker.io/library/nginx@sha256:<64 hex>` for `nginx:1.27`.
    static func imageID(_ image: String) -> String {
        var repository = image
        if let at = repository.firstIndex(of: "@") { repository = String(repository[..<at]) }
        let last = repository.split(separator: "/").last.map(String.init) ?? repository
        if let colon = last.lastIndex(of: ":") {
            repository = String(repository.dropLast(last.count - last.distance(from: last.startIndex, to: colon)))
        }
        if !repository.contains("/") { repository = "docker.io/library/" + repository }
        return "\(repository)@sha256:\(hex(image, length: 64))"
    }

    /// `containerd://<64 hex>`, different for each restart of a container.
    static func containerID(podUID: String, container: String, restartCount: Int32) -> String {
        "containerd://" + hex("\(podUID)/\(container)/\(restartCount)", length: 64)
    }

    /// `length` hex digits derived from `text` (FNV-1a, chained).
    static func hex(_ text: String, length: Int) -> String {
        var result = ""
        var seed: UInt64 = 0xcbf2_9ce4_8422_2325
        var round: UInt64 = 0
        while result.count < length {
            var hash = seed ^ round
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            let digits = String(hash, radix: 16)
            result += String(repeating: "0", count: 16 - digits.count) + digits
            seed = hash
            round += 1
        }
        return String(result.prefix(length))
    }
}
