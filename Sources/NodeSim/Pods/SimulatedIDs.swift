import KubeModel

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
        var seed = FNV1a.offsetBasis
        var round: UInt64 = 0
        while result.count < length {
            let hash = FNV1a.hash(text, seed: seed ^ round)
            let digits = String(hash, radix: 16)
            result += String(repeating: "0", count: 16 - digits.count) + digits
            seed = hash
            round += 1
        }
        return String(result.prefix(length))
    }
}
