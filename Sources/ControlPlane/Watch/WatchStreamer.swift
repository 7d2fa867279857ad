import Foundation
import Hummingbird
import KubeModel
import Logging

/// Writes one watch as a chunked HTTP response: one JSON event per line, first the replayed or
/// synthetic events, then live ones, with periodic BOOKMARKs when asked, until the timeout, the client
/// going away, or the store closing the watch.
struct WatchStreamer: Sendable {
    let store: ObjectStore
    let resource: ResourceInfo
    let subscription: ObjectStore.Subscription
    let timeout: Double
    let bookmarkInterval: Double?
    /// Send each object as a one-row `meta.k8s.io/v1` Table (`kubectl get -w`).
    var asTable = false
    let logger: Logger

    func response() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: asTable ? TableConverter.contentType : "application/json"],
            body: ResponseBody { writer in
                try await stream(&writer)
            })
    }

    private func stream(_ writer: inout any ResponseBodyWriter) async throws {
        let id = subscription.id
        let store = store
        defer { store.endWatch(id) }
        logger.debug("watch started", metadata: ["resource": "\(resource.type.description)", "watcher": "\(id)"])
        let timer = Task { [timeout, bookmarkInterval] in
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(timeout * 1000)))
            while !Task.isCancelled {
                let now = ContinuousClock.now
                if now >= deadline { break }
                var next = deadline
                if let bookmarkInterval {
                    next = min(deadline, now.advanced(by: .milliseconds(Int64(bookmarkInterval * 1000))))
                }
                do { try await Task.sleep(until: next, clock: .continuous) } catch { return }
                if ContinuousClock.now < deadline, bookmarkInterval != nil { store.bookmark(id) }
            }
            store.endWatch(id)
        }
        defer { timer.cancel() }

        var batch = ByteBuffer()
        for item in subscription.initial {
            batch.writeBytes(encode(item))
            if batch.readableBytes > 64 * 1024 {
                try await writer.write(batch)
                batch.clear()
            }
        }
        if batch.readableBytes > 0 { try await writer.write(batch) }
        for await item in subscription.stream {
            try await writer.write(ByteBuffer(bytes: encode(item)))
        }
        try await writer.finish(nil)
        logger.debug("watch ended", metadata: ["resource": "\(resource.type.description)", "watcher": "\(id)"])
    }

    /// The line for one item; for object events built from the stored bytes, in the same form as
    /// `WatchEvent.encodeLine()` (sorted keys).
    func encode(_ item: WatchItem) -> Data {
        switch item {
        case .event(let type, let stored) where asTable:
            let table = TableConverter.table(
                resource, items: [stored.object], resourceVersion: stored.resourceVersion, continueToken: nil)
            return (try? WatchEvent(type: type, object: table).encodeLine()) ?? Data()
        case .event(let type, let stored):
            var data = Data(#"{"object":"#.utf8)
            data.append(stored.data)
            data.append(contentsOf: #","type":"\#(type.rawValue)"}"#.utf8)
            data.append(0x0A)
            return data
        case .bookmark(let rv):
            let object: JSONValue = [
                "apiVersion": .string(resource.type.apiVersion), "kind": .string(resource.type.kind),
                "metadata": ["resourceVersion": .string(String(rv))],
            ]
            return (try? WatchEvent(type: .bookmark, object: object).encodeLine()) ?? Data()
        case .error(let status):
            let object = (try? KubeJSON.encodeToValue(status)) ?? .null
            return (try? WatchEvent(type: .error, object: object).encodeLine()) ?? Data()
        }
    }
}
