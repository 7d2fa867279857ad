import Foundation
import KubeModel

/// The opaque `continue` value of a paginated list: the list's resourceVersion and the last key returned.
struct ContinueToken: Sendable, Hashable {
    var resourceVersion: Int64
    var lastKey: String

    func encoded() -> String {
        let json = JSONValue.object(["rv": .int(resourceVersion), "start": .string(lastKey)])
        let data = (try? KubeJSON.serialize(json)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    init(resourceVersion: Int64, lastKey: String) {
        self.resourceVersion = resourceVersion
        self.lastKey = lastKey
    }

    init(decoding text: String) throws(Status) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64.append("=") }
        guard let data = Data(base64Encoded: base64), let value = try? KubeJSON.parse(data),
            let rv = value["rv"]?.intValue, let start = value["start"]?.stringValue
        else {
            throw Status.failure(.badRequest, "continue key is not valid: \(text)")
        }
        self.init(resourceVersion: rv, lastKey: start)
    }
}
