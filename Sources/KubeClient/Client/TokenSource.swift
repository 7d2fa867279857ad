import Foundation
import Synchronization

/// Supplies the bearer token: a fixed one, or the content of a file re-read when it changes.
final class TokenSource: Sendable {
    private let fixed: String?
    private let path: String?
    private struct Cached {
        var modified: Date?
        var size: Int?
        var token: String?
    }
    private let cache = Mutex(Cached())

    init(token: String?, path: String?) {
        self.fixed = token
        self.path = path
    }

    var isEmpty: Bool { fixed == nil && path == nil }

    func token() -> String? {
        if let fixed { return fixed }
        guard let path else { return nil }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let modified = attributes?[.modificationDate] as? Date
        let size = (attributes?[.size] as? NSNumber)?.intValue
        return cache.withLock { cached in
            if cached.token != nil, cached.modified == modified, cached.size == size { return cached.token }
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)
            else { return cached.token }
            cached = Cached(
                modified: modified, size: size, token: text.trimmingCharacters(in: .whitespacesAndNewlines))
            return cached.token
        }
    }
}
