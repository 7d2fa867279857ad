import Foundation
import Hummingbird
import KubeModel
import KubeProtobuf
import Yams

/// Reads and parses request bodies, enforcing the size limit (413) and content type (415).
enum RequestBodyReader {
    /// The body within the server's size limit (413) and time limit (408): a client that trickles or
    /// stalls its body must not hold a request open for ever.
    static func read(_ request: Request, options: APIServerOptions) async throws(Status) -> Data {
        try await read(request, limit: options.maxRequestBodyBytes, timeout: .seconds(options.requestBodyTimeout))
    }

    static func read(_ request: Request, limit: Int, timeout: Duration) async throws(Status) -> Data {
        do {
            return try await withThrowingTaskGroup(of: Data?.self) { group in
                group.addTask { try await read(request, limit: limit) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let data = first else { throw timedOut(timeout) }
                return data
            }
        } catch let status as Status {
            throw status
        } catch {
            throw Status.failure(.badRequest, "cannot read the request body: \(error)")
        }
    }

    static func read(_ request: Request, limit: Int) async throws(Status) -> Data {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw tooLarge(limit)
        }
        var buffer = ByteBuffer()
        do {
            for try await chunk in request.body {
                if buffer.readableBytes + chunk.readableBytes > limit { throw tooLarge(limit) }
                var chunk = chunk
                buffer.writeBuffer(&chunk)
            }
        } catch let status as Status {
            throw status
        } catch {
            throw Status.failure(.badRequest, "cannot read the request body: \(error)")
        }
        return Data(buffer.readableBytesView)
    }

    /// Parses an object body: JSON (any `*json` type or none), YAML, or Kubernetes' protobuf for the
    /// built-in kinds `KubeProtobuf` knows (what client-go and kubectl's generators send).
    static func parse(_ data: Data, contentType: String?) throws(Status) -> JSONValue {
        if data.isEmpty { throw Status.failure(.badRequest, "the request body is empty") }
        let type = contentType?.split(separator: ";").first.map { String($0).trimmingSpaces().lowercased() } ?? ""
        if type.hasSuffix("yaml") {
            return try parseYAML(data)
        }
        if type == KubeProtobuf.contentType {
            return try parseProtobuf(data)
        }
        guard type.isEmpty || type.hasSuffix("json") || type == "*/*" else {
            throw Status.failure(
                .unsupportedMediaType,
                "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf")
        }
        return try parseJSON(data)
    }

    /// A protobuf body as the JSON object it stands for: 415 for a kind the codec does not know, 400
    /// for bytes that do not decode.
    static func parseProtobuf(_ data: Data) throws(Status) -> JSONValue {
        do {
            return try KubeProtobuf.decode(data)
        } catch {
            switch error.reason {
            case .unsupportedKind:
                throw Status.failure(
                    .unsupportedMediaType,
                    "\(error.message): send it as JSON or YAML - accepted media types include: application/json, application/yaml")
            default:
                throw Status.failure(.badRequest, "the protobuf body does not decode: \(error.description)")
            }
        }
    }

    static func parseJSON(_ data: Data) throws(Status) -> JSONValue {
        do {
            return try KubeJSON.parse(data)
        } catch {
            throw Status.failure(.badRequest, "the request body is not valid JSON: \(error)")
        }
    }

    static func parseYAML(_ data: Data) throws(Status) -> JSONValue {
        guard let text = String(data: data, encoding: .utf8) else {
            throw Status.failure(.badRequest, "the request body is not UTF-8")
        }
        do {
            let node = try Yams.compose(yaml: text)
            guard let node else { return .null }
            return try jsonValue(node)
        } catch let status as Status {
            throw status
        } catch {
            throw Status.failure(.badRequest, "the request body is not valid YAML: \(error)")
        }
    }

    private static func jsonValue(_ node: Yams.Node) throws -> JSONValue {
        switch node {
        case .mapping(let mapping):
            var object: JSONObject = [:]
            for (key, value) in mapping {
                guard let keyText = key.string else { throw Status.failure(.badRequest, "YAML keys must be strings") }
                object[keyText] = try jsonValue(value)
            }
            return .object(object)
        case .sequence(let sequence):
            return .array(try sequence.map(jsonValue))
        case .scalar(let scalar):
            if scalar.style != Yams.Node.Scalar.Style.plain { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let value = node.bool { return .bool(value) }
            if let value = node.int { return .int(Int64(value)) }
            if let value = node.float { return .double(value) }
            return .string(scalar.string)
        case .alias:
            throw Status.failure(.badRequest, "YAML aliases are not supported")
        }
    }

    /// 408 Request Timeout: the body did not arrive in time.
    static func timedOut(_ timeout: Duration) -> Status {
        Status(
            code: 408, reason: .timeout,
            message: "the request body did not arrive within \(timeout.components.seconds)s; send it again")
    }

    static func tooLarge(_ limit: Int) -> Status {
        .failure(.requestEntityTooLarge, "the request body is larger than the limit of \(limit) bytes")
    }
}
