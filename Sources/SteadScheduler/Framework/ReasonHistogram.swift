/// Counts of failure reasons over the nodes of one cycle. A cycle sees only a handful of distinct
/// reasons, mostly the same string instances, so a linear scan beats hashing each one.
struct ReasonHistogram: Sendable {
    private(set) var entries: [(reason: String, count: Int)] = []

    init() {}

    mutating func record(_ reasons: [String]) {
        for reason in reasons {
            if let index = entries.firstIndex(where: { $0.reason == reason }) {
                entries[index].count += 1
            } else {
                entries.append((reason, 1))
            }
        }
    }

    var counts: [String: Int] {
        Dictionary(entries.map { ($0.reason, $0.count) }, uniquingKeysWith: +)
    }
}
