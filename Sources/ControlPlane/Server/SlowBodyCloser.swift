import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request body is still coming after the response went out: at once after a
/// 408 (the body did not arrive in time), and after `drainTimeout` for any other early answer (401, 413,
/// ...). Hummingbird would otherwise read the rest of the body before the next request, and a client
/// that trickles a byte now and then would hold the connection for ever.
final class SlowBodyCloser: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let drainTimeout: TimeAmount
    private var readingBody = false
    private var closeAfterResponse = false
    private var drainDeadline: Scheduled<Void>?

    init(drainTimeout: TimeAmount) {
        self.drainTimeout = drainTimeout
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        drainDeadline?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            readingBody = true
        case .end:
            readingBody = false
            drainDeadline?.cancel()
            drainDeadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response) where response.status.code == 408 && readingBody:
            closeAfterResponse = true
            response.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(response)), promise: promise)
        case .end where closeAfterResponse:
            context.writeAndFlush(data, promise: promise)
            context.close(promise: nil)
        case .end where readingBody:
            context.write(data, promise: promise)
            drainDeadline?.cancel()
            drainDeadline = context.eventLoop.assumeIsolated().scheduleTask(in: drainTimeout) {
                if self.readingBody { context.close(promise: nil) }
            }
        default:
            context.write(data, promise: promise)
        }
    }
}
