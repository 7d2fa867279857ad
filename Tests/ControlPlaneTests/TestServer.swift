import AsyncHTTPClient
import ControlPlane
import Foundation
import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import SteadTestSupport

/// A server on a free port in its own temp directory, and an HTTP client that talks to it.
final class TestServer: Sendable {
    let api: TestAPIServer
    let client: HTTPClient
    var server: EmbeddedAPIServer { api.server }
    var directory: String { api.directory }

    struct Reply: Sendable {
        var status: Int
        var data: Data
        var headers: HTTPHeaders
        var json: JSONValue { (try? KubeJSON.parse(data)) ?? .null }
        var reason: String? { json["reason"]?.stringValue }
    }

    static func makeDirectory() -> String {
        let path = NSTemporaryDirectory() + "stead-cp-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    init(directory: String? = nil, configure: (inout APIServerOptions) -> Void = { _ in }) async throws {
        api = try await TestAPIServer.start(label: "stead-cp", directory: directory) { options in
            // These tests drive the REST layer with a raw HTTP client; TLS is covered by the kubectl and
            // KubeClient tests, which trust the generated CA through the kubeconfig.
            options.tls = false
            configure(&options)
        }
        client = HTTPClient(eventLoopGroupProvider: .singleton)
    }

    func shutdown(removeDirectory: Bool = true) async {
        try? await client.shutdown()
        await api.stop(removeDirectory: removeDirectory)
    }

    /// Runs `body` with a fresh server and always shuts it down.
    static func with(
        configure: (inout APIServerOptions) -> Void = { _ in }, _ body: (TestServer) async throws -> Void
    ) async throws {
        let server = try await TestServer(configure: configure)
        do {
            try await body(server)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    func request(
        _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, body: Data? = nil,
        contentType: String? = "application/json", accept: String? = nil, token: String? = nil, authorized: Bool = true
    ) async throws -> Reply {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = method
        if authorized { request.headers.add(name: "Authorization", value: "Bearer \(token ?? server.token)") }
        if let accept { request.headers.add(name: "Accept", value: accept) }
        var payload = body
        if let json { payload = try KubeJSON.serialize(json) }
        if let payload {
            if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
            request.body = .bytes(ByteBuffer(bytes: payload))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        var collected = try await response.body.collect(upTo: 64 * 1024 * 1024)
        let data = collected.readData(length: collected.readableBytes) ?? Data()
        return Reply(status: Int(response.status.code), data: data, headers: response.headers)
    }

    typealias WatchResult = (status: Int, events: [WatchEvent<JSONValue>])

    /// Reads watch events until `until` says stop or the stream ends; throws if the watch is still open
    /// after `timeout`. The guard is ours because AsyncHTTPClient's deadline only covers the response
    /// head: a streamed body outlives it, and a watch without `timeoutSeconds` lasts 30 minutes.
    func watch(
        _ path: String, timeout: TimeAmount = .seconds(10), accept: String? = nil,
        until: @Sendable @escaping ([WatchEvent<JSONValue>]) -> Bool = { _ in false }
    ) async throws -> WatchResult {
        try await withThrowingTaskGroup(of: WatchResult?.self) { group in
            group.addTask { try await self.readWatch(path, timeout: timeout, accept: accept, until: until) }
            group.addTask {
                try await Task.sleep(for: .nanoseconds(timeout.nanoseconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw TestFailure("watch \(path) still open after \(timeout)")
            }
            return result
        }
    }

    private func readWatch(
        _ path: String, timeout: TimeAmount, accept: String?, until: ([WatchEvent<JSONValue>]) -> Bool
    ) async throws -> WatchResult {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.headers.add(name: "Authorization", value: "Bearer \(server.token)")
        if let accept { request.headers.add(name: "Accept", value: accept) }
        let response = try await client.execute(request, timeout: timeout)
        let status = Int(response.status.code)
        var events: [WatchEvent<JSONValue>] = []
        if status != 200 { return (status, events) }
        var pending = Data()
        for try await chunk in response.body {
            pending.append(contentsOf: chunk.readableBytesView)
            while let newline = pending.firstIndex(of: 0x0A) {
                let line = pending[pending.startIndex..<newline]
                pending = Data(pending[(newline + 1)...])
                if !line.isEmpty { events.append(try WatchEvent<JSONValue>.decode(line: Data(line))) }
            }
            if until(events) { break }
        }
        return (status, events)
    }

    // MARK: Object helpers

    static func pod(_ name: String, namespace: String = "default", labels: [String: String] = [:], node: String? = nil)
        -> JSONValue
    {
        var spec: JSONObject = ["containers": [["name": "c", "image": "nginx"]]]
        if let node { spec["nodeName"] = .string(node) }
        return [
            "apiVersion": "v1", "kind": "Pod",
            "metadata": ["name": .string(name), "namespace": .string(namespace), "labels": .object(labels.mapValues { .string($0) })],
            "spec": .object(spec),
        ]
    }

    static func configMap(_ name: String, data: [String: String] = ["k": "v"]) -> JSONValue {
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": .object(data.mapValues { .string($0) })]
    }

    func create(_ object: JSONValue, in collection: String) async throws -> JSONValue {
        let reply = try await request(.POST, collection, json: object)
        guard reply.status == 201 else {
            throw TestFailure("create failed: \(reply.status) \(String(decoding: reply.data, as: UTF8.self))")
        }
        return reply.json
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension JSONValue {
    var resourceVersion: String { self[path: ["metadata", "resourceVersion"]]?.stringValue ?? "" }
    var rvNumber: Int64 { Int64(resourceVersion) ?? -1 }
}
