import Foundation
import Hummingbird
import KubeModel
import KubeProtobuf

/// Building responses: JSON, or Kubernetes' protobuf for a client that accepts nothing else
/// (``ResponseEncoding/protobufOnly``).
enum Responses {
    static func json(_ data: Data, status: Int = 200) -> Response {
        if ResponseEncoding.protobufOnly { return protobuf(data, status: status) }
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The JSON document `data` in protobuf; 406 when it is of a kind the codec does not know (lists,
    /// tables, kinds outside `KubeProtobuf`).
    private static func protobuf(_ data: Data, status: Int) -> Response {
        guard let value = try? KubeJSON.parse(data), let encoded = try? KubeProtobuf.encode(value) else {
            let refusal = Status.failure(
                .notAcceptable,
                "only the following media types are accepted for this answer: application/json, application/yaml")
            return Response(
                status: .notAcceptable, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: (try? KubeJSON.encode(refusal)) ?? Data())))
        }
        return Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: .init(KubeProtobuf.contentType)],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: encoded)))
    }

    static func json(_ value: JSONValue, status: Int = 200) -> Response {
        json((try? KubeJSON.serialize(value)) ?? Data("{}".utf8), status: status)
    }

    static func object(_ stored: StoredObject, status: Int = 200) -> Response {
        json(stored.data, status: status)
    }

    static func table(_ value: JSONValue) -> Response {
        if ResponseEncoding.protobufOnly { return protobuf(Data(), status: 200) }
        return Response(
            status: .ok, headers: [.contentType: TableConverter.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: (try? KubeJSON.serialize(value)) ?? Data())))
    }

    /// A watch that ends at once with one ERROR event carrying `status`.
    static func watchError(_ status: Status) -> Response {
        let object = (try? KubeJSON.encodeToValue(status)) ?? .null
        let line = (try? WatchEvent(type: .error, object: object).encodeLine()) ?? Data()
        return json(line)
    }

    static func status(_ status: Status) -> Response {
        let data = (try? KubeJSON.encode(status)) ?? Data("{\"kind\":\"Status\",\"apiVersion\":\"v1\"}".utf8)
        return json(data, status: status.code ?? 500)
    }

    static func text(_ text: String, status: Int = 200) -> Response {
        Response(
            status: HTTPResponse.Status(code: status), headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A list document built from the stored bytes of each item, without encoding them again.
    static func list(_ resource: ResourceInfo, _ result: ObjectStore.ListResult) -> Response {
        var data = Data()
        data.append(contentsOf: #"{"apiVersion":"\#(resource.type.apiVersion)","items":["#.utf8)
        for (index, item) in result.items.enumerated() {
            if index > 0 { data.append(UInt8(ascii: ",")) }
            data.append(item.data)
        }
        var metadata: JSONObject = ["resourceVersion": .string(String(result.resourceVersion))]
        if let token = result.continueToken { metadata["continue"] = .string(token) }
        if let remaining = result.remainingItemCount { metadata["remainingItemCount"] = .int(remaining) }
        let metadataData = (try? KubeJSON.serialize(.object(metadata))) ?? Data("{}".utf8)
        data.append(contentsOf: #"],"kind":"\#(resource.type.listKind)","metadata":"#.utf8)
        data.append(metadataData)
        data.append(UInt8(ascii: "}"))
        return json(data)
    }
}

/// How the answer to the request being served is encoded.
enum ResponseEncoding {
    /// The client accepts protobuf and nothing JSON can answer (no `application/json`, `*/*`).
    @TaskLocal static var protobufOnly = false

    static func protobufOnly(accept: String?) -> Bool {
        let offers = MediaRange.offers(accept)
        return offers.contains { $0.type == KubeProtobuf.contentType } && !offers.contains(where: \.acceptsJSON)
    }
}
