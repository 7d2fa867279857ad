import Foundation
import KubeModel

/// The opaque `continue` value of a paginated list: the list's resourceVersion and the last key returned.
struct ContinueToken: Sendable, Hashable {
    var resourceVersion: Int64
    var lastKey: String

    func encoded() -> String {
        let json = JSONValue.object(["rv": .int(resourceVersion), "start": .string(lastKey)])
        let data = (try? KubeJSON.serialize(json)) ?? Data()
        return Base64URL.encode(data)
    }

    init(resourceVersion: Int64, lastKey: String) {
        self.resourceVersion = resourceVersion
        self.lastKey = lastKey
    }

    init(decoding text: String) throws(Status) {
        guard let data = Base64URL.decode(text), let value = try? KubeJSON.parse(data),
            let rv = value["rv"]?.intValue, let start = value["start"]?.stringValue
        else {
            throw Status.failure(.badRequest, "continue key is not valid: \(text)")
        }
        self.init(resourceVersion: rv, lastKey: start)
    }
}
