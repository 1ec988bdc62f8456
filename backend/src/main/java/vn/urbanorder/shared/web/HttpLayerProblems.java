package vn.urbanorder.shared.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import vn.urbanorder.shared.RandomIds;

/**
 * Problems for the errors the HTTP server answers by itself, before the application sees a request:
 * a request line too long (414), headers too large (431), a request that is not HTTP or whose
 * address cannot be parsed (400). Reactor Netty answers those with an empty body; this handler,
 * right after the HTTP codec, gives any empty error answer an RFC 9457 body with a request id. It
 * leaves alone answers with a body, answers to HEAD, and interim (1xx) answers.
 */
@Component
class HttpLayerProblems implements NettyServerCustomizer {

    private static final Logger access = LoggerFactory.getLogger("vn.urbanorder.access");
    private static final String HANDLER = "urbanorder.problems";

    private final JsonMapper json;

    HttpLayerProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            // HTTP/1.1 only: an HTTP/2 stream's errors do not come from this codec.
            if (channel.pipeline().get(NettyPipeline.HttpCodec) instanceof HttpServerCodec) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER, new Handler());
            }
        });
    }

    /** What the problem says about each status the server answers by itself. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu HTTP sai cú pháp: dòng yêu cầu, địa chỉ hoặc phần đầu (header) không đọc được.";
            case 408 -> "Yêu cầu không được gửi hết trong thời gian cho phép.";
            case 413 -> "Nội dung yêu cầu quá lớn.";
            case 414 -> "Địa chỉ yêu cầu (URI) quá dài.";
            case 431 -> "Phần đầu (header) của yêu cầu quá lớn.";
            case 503 -> "Dịch vụ tạm thời không phục vụ được. Hãy thử lại sau.";
            default ->
                status >= 500
                        ? "Hệ thống gặp lỗi và chưa xử lý được yêu cầu. Hãy thử lại sau; nếu lỗi còn lặp lại,"
                                + " hãy báo mã yêu cầu (requestId) cho quản trị viên."
                        : "Yêu cầu không được chấp nhận.";
        };
    }

    /** One per connection: requests and answers pair up in order, as HTTP/1.1 has them. */
    private final class Handler extends ChannelDuplexHandler {

        private record Request(
                @Nullable HttpMethod method,
                @Nullable String uri,
                @Nullable String requestId) {}

        private final ArrayDeque<Request> requests = new ArrayDeque<>(2);

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                // A request the codec could not read carries a made-up line; none of it is the client's.
                boolean read = request.decoderResult().isSuccess();
                String sent = read ? request.headers().get(RequestIds.HEADER) : null;
                requests.add(new Request(
                        read ? request.method() : null,
                        read ? request.uri() : null,
                        RequestIds.accepted(sent) ? sent : null));
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response
                    && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                Request request = requests.poll();
                if (msg instanceof FullHttpResponse full && bodiless(full) && !headRequest(request)) {
                    FullHttpResponse problem = problem(full, request);
                    full.release();
                    super.write(ctx, problem, promise);
                    return;
                }
            }
            super.write(ctx, msg, promise);
        }

        private static boolean bodiless(FullHttpResponse response) {
            return response.status().code() >= 400
                    && response.content().readableBytes() == 0
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private static boolean headRequest(Request request) {
            return request != null && HttpMethod.HEAD.equals(request.method());
        }

        private FullHttpResponse problem(FullHttpResponse answer, Request request) {
            int status = answer.status().code();
            String requestId = answer.headers().get(RequestIds.HEADER);
            boolean unseen = requestId == null; // the application never saw this request
            if (unseen) {
                requestId = request != null && request.requestId() != null
                        ? request.requestId()
                        : RandomIds.uuid().toString();
            }
            HttpStatus known = HttpStatus.resolve(status);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put(
                    "title",
                    known != null ? known.getReasonPhrase() : answer.status().reasonPhrase());
            problem.put("status", status);
            problem.put("detail", detail(status));
            problem.put("requestId", requestId);
            byte[] body = json.writeValueAsBytes(problem);

            var response = new DefaultFullHttpResponse(
                    answer.protocolVersion(), answer.status(), Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(answer.headers())
                    .set(RequestIds.HEADER, requestId)
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (unseen) {
                logAccess(request, status, requestId);
            }
            return response;
        }

        /** The access line the request-id filter writes for requests the application sees. */
        private static void logAccess(Request request, int status, String requestId) {
            if (!access.isInfoEnabled()) {
                return;
            }
            try (var inLogs = RequestIds.inLogs(requestId)) {
                access.info(
                        "{} {} {} requestId={}",
                        request == null || request.method() == null ? "-" : request.method(),
                        request == null || request.uri() == null ? "-" : abbreviated(request.uri()),
                        status,
                        requestId);
            }
        }

        private static String abbreviated(String uri) {
            return uri.length() <= 200 ? uri : uri.substring(0, 200) + "…";
        }
    }
}
