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
    /// Each object as stored, as a one-row `meta.k8s.io/v1` Table (`kubectl get -w`), or its metadata only.
    var shape = ResponseShape.object
    let logger: Logger

    func response() -> Response {
        Response(
            status: .ok,
            headers: [.contentType: shape == .table ? TableConverter.contentType : "application/json"],
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

        try await write(subscription.initial, to: &writer)
        while true {
            let batch = await subscription.live.nextBatch()
            if batch.isEmpty { break }
            try await write(batch, to: &writer)
        }
        try await writer.finish(nil)
        logger.debug("watch ended", metadata: ["resource": "\(resource.type.description)", "watcher": "\(id)"])
    }

    /// Writes `items` in chunks of about 64 KiB: a batch of live events goes out as one write.
    private func write(_ items: [WatchItem], to writer: inout any ResponseBodyWriter) async throws {
        var chunk = ByteBuffer()
        for item in items {
            encode(item, into: &chunk)
            if chunk.readableBytes > 64 * 1024 {
                try await writer.write(chunk)
                chunk.clear()
            }
        }
        if chunk.readableBytes > 0 { try await writer.write(chunk) }
    }

    /// The line for one item; for object events built from the stored bytes, in the same form as
    /// `WatchEvent.encodeLine()` (sorted keys).
    func encode(_ item: WatchItem, into buffer: inout ByteBuffer) {
        switch item {
        case .event(let type, let stored):
            switch shape {
            case .table:
                let table = TableConverter.table(
                    resource, items: [stored.object], resourceVersion: stored.resourceVersion, continueToken: nil)
                buffer.writeBytes((try? WatchEvent(type: type, object: table).encodeLine()) ?? Data())
            case .metadata(let version):
                let partial = ResponseShape.partial(stored.object, version: version)
                buffer.writeBytes((try? WatchEvent(type: type, object: partial).encodeLine()) ?? Data())
            case .object:
                buffer.writeString(#"{"object":"#)
                buffer.writeBytes(stored.data)
                buffer.writeString(#","type":"\#(type.rawValue)"}"#)
                buffer.writeInteger(UInt8(ascii: "\n"))
            }
        case .bookmark(let rv):
            var object: JSONValue = [
                "apiVersion": .string(resource.type.apiVersion), "kind": .string(resource.type.kind),
                "metadata": ["resourceVersion": .string(String(rv))],
            ]
            if case .metadata(let version) = shape { object = ResponseShape.partial(object, version: version) }
            buffer.writeBytes((try? WatchEvent(type: .bookmark, object: object).encodeLine()) ?? Data())
        case .error(let status):
            let object = (try? KubeJSON.encodeToValue(status)) ?? .null
            buffer.writeBytes((try? WatchEvent(type: .error, object: object).encodeLine()) ?? Data())
        }
    }
}
