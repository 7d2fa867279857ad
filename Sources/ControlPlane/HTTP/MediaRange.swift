/// One offer of an Accept header: `application/json;as=Table;g=meta.k8s.io;v=v1`, split into its type
/// and parameters.
struct MediaRange: Sendable, Equatable {
    var type: String
    var parameters: [String: String]

    init(_ offer: Substring) {
        let parts = offer.split(separator: ";")
        type = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        parameters = Dictionary(
            parts.dropFirst().compactMap { parameter -> (String, String)? in
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                return pair.count == 2 ? (pair[0], pair[1]) : nil
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// The offers of an Accept header, in the client's order.
    static func offers(_ accept: String?) -> [MediaRange] {
        (accept ?? "").split(separator: ",").map(MediaRange.init).filter { !$0.type.isEmpty }
    }

    /// Whether a JSON body fits this offer (`application/json`, `application/*`, `*/*`).
    var acceptsJSON: Bool { ["application/json", "application/*", "*/*"].contains(type) }
}
