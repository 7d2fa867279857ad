import AsyncHTTPClient
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1

extension KubeClient {
    /// Watches a collection: one event per line of the chunked response, however the lines are split
    /// across chunks. The stream ends when the server closes the watch (timeout, restart,
    /// disconnect) and fails with a ``KubeAPIError`` when the server refuses the watch or sends an
    /// `ERROR` event (410 Gone when `resourceVersion` is too old: list again). Watches are not rate limited.
    /// Cancelling the consuming task or dropping the stream closes the connection.
    public func watch(
        _ resource: ResourceType, namespace: String? = nil, options: WatchOptions = WatchOptions()
    ) -> AsyncThrowingStream<WatchEvent<JSONValue>, any Error> {
        let path = resource.collectionPath(namespace: namespace.flatMap { $0.isEmpty ? nil : $0 })
        let cursor = WatchCursor(client: self, path: path, query: options.queryItems)
        // Pull-based: the body is read only as fast as the consumer takes events, so a slow consumer
        // pushes back on the server (which may then close the watch; the consumer resumes).
        return AsyncThrowingStream(unfolding: { try await cursor.next() })
    }
    static func watchEvent(line: Data, path: String) throws -> WatchEvent<JSONValue> {
        let event: WatchEvent<JSONValue>
        do {
            event = try WatchEvent<JSONValue>.decode(line: line)
        } catch {
            throw KubeClientError.decoding(path: path, message: "bad watch event: \(error)")
        }
        if event.type == .error {
            let status = (try? KubeJSON.decode(Status.self, from: event.object))
                ?? Status.failure(.internalError, "watch error event without a Status")
            throw KubeAPIError(status: status, httpCode: status.code ?? 500)
        }
        return event
    }
}
