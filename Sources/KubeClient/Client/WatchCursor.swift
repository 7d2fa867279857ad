import AsyncHTTPClient
import Foundation
import KubeModel
import Logging
import NIOCore

/// Reads one watch response event by event, opening the request on the first ``next()``.
///
/// `@unchecked Sendable`: `AsyncThrowingStream(unfolding:)` calls `next()` from one consumer at a
/// time, never concurrently, so the mutable state is never shared.
final class WatchCursor: @unchecked Sendable {
    private let client: KubeClient
    private let path: String
    private let query: [(String, String)]
    private var body: HTTPClientResponse.Body.AsyncIterator?
    private var splitter = LineSplitter()
    private var pending: [Data] = []
    private var pendingIndex = 0
    private var started = false
    private var finished = false

    init(client: KubeClient, path: String, query: [(String, String)]) {
        self.client = client
        self.path = path
        self.query = query
    }

    func next() async throws -> WatchEvent<JSONValue>? {
        if !started {
            started = true
            try await open()
        }
        while true {
            if pendingIndex < pending.count {
                let line = pending[pendingIndex]
                pendingIndex += 1
                return try KubeClient.watchEvent(line: line, path: path)
            }
            guard !finished, var iterator = body else { return nil }
            let chunk: ByteBuffer?
            do {
                chunk = try await iterator.next()
                body = iterator
            } catch {
                finished = true
                body = nil
                if Task.isCancelled { throw CancellationError() }
                // The connection dropped mid-stream: end the watch normally; the consumer resumes
                // from the last resourceVersion it saw.
                client.logger.debug("watch stream closed", metadata: ["path": "\(path)", "error": "\(error)"])
                return nil
            }
            pending = []
            pendingIndex = 0
            if let chunk {
                pending = splitter.append(chunk.readableBytesView)
            } else {
                finished = true
                body = nil
                if let last = splitter.finish() { pending = [last] }
            }
        }
    }

    private func open() async throws {
        let request = client.makeRequest(method: .GET, path: path, query: query, body: nil, contentType: nil)
        let start = ContinuousClock.now
        let response: HTTPClientResponse
        do {
            response = try await client.http.execute(request, deadline: .distantFuture, logger: nil)
        } catch {
            client.metrics.record(verb: "WATCH", path: path, code: "error", duration: ContinuousClock.now - start)
            finished = true
            if Task.isCancelled { throw CancellationError() }
            throw KubeClientError.transport(method: "GET", path: path, message: "\(error)")
        }
        client.metrics.record(verb: "WATCH", path: path, code: String(response.status.code), duration: ContinuousClock.now - start)
        guard response.status == .ok else {
            finished = true
            let bytes = try? await response.body.collect(upTo: 1024 * 1024)
            throw KubeClient.apiError(body: bytes.map { Data($0.readableBytesView) } ?? Data(), httpCode: Int(response.status.code))
        }
        body = response.body.makeAsyncIterator()
    }
}
