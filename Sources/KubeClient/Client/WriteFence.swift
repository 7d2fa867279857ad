import NIOCore

/// Decides, just before a mutating request goes out, whether a client may still write. Leader
/// election installs one (``LeaderElector``) so that a replica that may have lost its lease, for
/// instance one frozen and resumed after another replica took over, sends no writes.
public protocol WriteFence: Sendable {
    /// nil when writes may go out now; otherwise why they may not.
    func writeRefusal() -> String?
}

extension KubeClient {
    /// A client sharing this one's connections, rate limit and configuration that consults `fence`
    /// before every create, update, patch and delete, subresources included, and again when the
    /// connection takes the request's body. Reads and watches are not fenced. Shutting the fenced
    /// client down does nothing: shut down this one.
    public func fenced(by fence: any WriteFence) -> KubeClient {
        KubeClient(sharing: self, fence: fence, limiter: limiter)
    }

    /// Throws ``KubeClientError/fenced(method:path:reason:)`` when the fence refuses a write now.
    func checkFence(_ method: String, _ path: String) throws {
        guard method != "GET", let writeFence, let reason = writeFence.writeRefusal() else { return }
        throw KubeClientError.fenced(method: method, path: path, reason: reason)
    }
}

/// The body of a fenced write, handed to the connection only if the fence still allows the write when
/// the connection asks for it. A process frozen after the first check (waiting for a connection, say)
/// and resumed after its term ended has its request cut off before the server has all of it, so the
/// server changes nothing.
struct FencedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let bytes: ByteBuffer
    let check: @Sendable () throws -> Void

    struct AsyncIterator: AsyncIteratorProtocol {
        var pending: ByteBuffer?
        let check: @Sendable () throws -> Void

        mutating func next() async throws -> ByteBuffer? {
            guard let chunk = pending else { return nil }
            pending = nil
            try check()
            return chunk
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pending: bytes, check: check) }
}
