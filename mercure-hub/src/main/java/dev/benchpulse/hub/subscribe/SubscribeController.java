package dev.benchpulse.hub.subscribe;

import dev.benchpulse.hub.auth.Authorizer;
import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.dispatch.Hub;
import dev.benchpulse.hub.dispatch.Hub.Subscription;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.topic.TopicSelectors;
import io.netty.buffer.ByteBufAllocator;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * {@code GET /.well-known/mercure?topic=…}: opens a server-sent-events stream of the updates matching the topic
 * selectors. The last event id comes from the {@code Last-Event-ID} header, else the {@code lastEventID} query
 * parameter; the response's {@code Last-Event-ID} header names the update preceding the first one sent. Frames are
 * written as they were encoded at publish time: the stream never encodes an update again. Selectors over the
 * configured limits and a subscription past its client address's quota are refused with 400.
 */
@RestController
class SubscribeController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final NettyDataBufferFactory FALLBACK = new NettyDataBufferFactory(ByteBufAllocator.DEFAULT);

    private final Hub hub;
    private final Authorizer authorizer;
    private final TopicSelectors selectors;
    private final ClientAddresses addresses;
    private final SubscriptionQuota quota;

    SubscribeController(
            Hub hub,
            Authorizer authorizer,
            TopicSelectors selectors,
            ClientAddresses addresses,
            SubscriptionQuota quota) {
        this.hub = hub;
        this.authorizer = authorizer;
        this.selectors = selectors;
        this.addresses = addresses;
        this.quota = quota;
    }

    @GetMapping("/.well-known/mercure")
    Mono<Void> subscribe(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> topics = request.getQueryParams().get("topic");
        if (topics == null || topics.isEmpty()) {
            throw HubException.badRequest("Missing topic selector: add one or more topic query parameters "
                    + "(an exact topic, * for every topic, or an RFC 6570 URI template).");
        }
        Claims claims = authorizer.subscriber(request);
        List<TopicSelector> selected = selectors.of(topics, "the topic parameters");
        Runnable release = quota.take(addresses.of(request));
        // The place is given back when the stream ends, and also if it never starts (the write is abandoned first).
        return hub.subscribe(selected, claims, lastEventId(request), eventLoop(request))
                .flatMap(subscription -> stream(exchange.getResponse(), subscription, release))
                .doFinally(signal -> release.run());
    }

    private static Mono<Void> stream(ServerHttpResponse response, Subscription subscription, Runnable release) {
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.TEXT_EVENT_STREAM);
        headers.setCacheControl("private, no-cache, no-store, must-revalidate, max-age=0");
        headers.set("X-Accel-Buffering", "no");
        headers.set(LAST_EVENT_ID, subscription.lastEventId());
        NettyDataBufferFactory buffers =
                response.bufferFactory() instanceof NettyDataBufferFactory netty ? netty : FALLBACK;
        return response.writeWith(
                subscription.stream().doFinally(signal -> release.run()).map(buffers::wrap));
    }

    /** The Netty event loop of the subscriber's connection, so the hub queues its frames there. */
    private static Executor eventLoop(ServerHttpRequest request) {
        Object connection = ServerHttpRequestDecorator.getNativeRequest(request);
        return connection instanceof Connection netty ? netty.channel().eventLoop() : null;
    }

    private static String lastEventId(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(LAST_EVENT_ID);
        if (header != null && !header.isEmpty()) {
            return header;
        }
        String query = request.getQueryParams().getFirst("lastEventID");
        return query == null || query.isEmpty() ? null : query;
    }
}
