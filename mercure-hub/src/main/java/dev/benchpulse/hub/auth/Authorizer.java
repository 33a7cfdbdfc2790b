package dev.benchpulse.hub.auth;

import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.topic.TopicSelectors;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * Decides who a request comes from. The JWS is taken from the {@code Authorization: Bearer} header, else from the
 * {@code authorization} query parameter, else from the authorization cookie (the protocol's precedence). A publisher
 * must always present a valid token; a subscriber must when anonymous subscribers are not allowed, and a token it
 * presents must be valid either way. A publish authorized by the cookie must come from an allowed origin (the
 * {@code Origin} header, else the origin of {@code Referer}), which stops cross-site request forgery.
 */
@Component
public class Authorizer {

    private static final String BEARER = "bearer ";

    private final TokenVerifier publishers;
    private final TokenVerifier subscribers;
    private final HubProperties properties;

    Authorizer(HubProperties properties, TopicSelectors selectors) {
        this.properties = properties;
        this.publishers =
                new TokenVerifier("publisher", required("publisher", "PUBLISHER", properties.publisher()), selectors);
        this.subscribers = new TokenVerifier(
                "subscriber", required("subscriber", "SUBSCRIBER", properties.subscriber()), selectors);
    }

    /** The publisher's claims; 401 without a valid token, 403 for a cookie sent from an origin not allowed. */
    public Claims publisher(ServerHttpRequest request) {
        Presented token = locate(request);
        if (token == null) {
            throw HubException.unauthorized("Publishing needs a JWT: send it as 'Authorization: Bearer <token>' "
                    + "signed with the publisher key, with a mercure.publish claim listing the allowed topics.");
        }
        if (token.fromCookie()) {
            checkOrigin(request);
        }
        return verify(publishers, token.value(), "publisher");
    }

    /** The subscriber's claims, {@code null} for an anonymous subscriber; 401 when a valid token is required. */
    public Claims subscriber(ServerHttpRequest request) {
        Presented token = locate(request);
        if (token == null) {
            if (properties.anonymous()) {
                return null;
            }
            throw HubException.unauthorized("Subscribing needs a JWT signed with the subscriber key (this hub does not "
                    + "allow anonymous subscribers): send it in the Authorization header, the "
                    + properties.cookieName()
                    + " cookie or the authorization query parameter.");
        }
        return verify(subscribers, token.value(), "subscriber");
    }

    /** The claims of a client of the subscriptions API, which always needs a subscriber token. */
    public Claims subscriptionsReader(ServerHttpRequest request) {
        Presented token = locate(request);
        if (token == null) {
            throw HubException.unauthorized(
                    "The subscriptions API needs a subscriber JWT whose mercure.subscribe "
                            + "claim matches the requested URL (e.g. /.well-known/mercure/subscriptions{/topic}{/subscriber}).");
        }
        return verify(subscribers, token.value(), "subscriber");
    }

    private static Claims verify(TokenVerifier verifier, String token, String kind) {
        try {
            return verifier.verify(token);
        } catch (InvalidTokenException e) {
            throw HubException.unauthorized("The " + kind + " JWT is invalid (" + e.getMessage() + "): sign it with "
                    + "the hub's " + kind + " key and give it an expiry in the future.");
        }
    }

    private Presented locate(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header != null && header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return new Presented(header.substring(BEARER.length()).trim(), false);
        }
        String query = request.getQueryParams().getFirst("authorization");
        if (query != null && !query.isBlank()) {
            return new Presented(query, false);
        }
        HttpCookie cookie = request.getCookies().getFirst(properties.cookieName());
        return cookie == null || cookie.getValue().isBlank() ? null : new Presented(cookie.getValue(), true);
    }

    private void checkOrigin(ServerHttpRequest request) {
        String origin = origin(request.getHeaders());
        if (origin == null) {
            throw HubException.forbidden("A publish authorized by the " + properties.cookieName() + " cookie needs an "
                    + "Origin or Referer header (protection against cross-site request forgery).");
        }
        List<String> allowed = properties.publishOrigins();
        if (!allowed.contains("*") && !allowed.contains(origin)) {
            throw HubException.forbidden(
                    "Publishing with the " + properties.cookieName() + " cookie is not allowed " + "from " + origin
                            + ": add it to MERCURE_PUBLISH_ORIGINS, or send the JWT in the Authorization header.");
        }
    }

    private static String origin(HttpHeaders headers) {
        String origin = headers.getOrigin();
        if (origin != null && !origin.isBlank() && !"null".equals(origin)) {
            return origin;
        }
        String referer = headers.getFirst(HttpHeaders.REFERER);
        try {
            URI uri = referer == null ? null : URI.create(referer);
            if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static HubProperties.Keys required(String kind, String variable, HubProperties.Keys keys) {
        if (!keys.isConfigured()) {
            throw new KeyConfigurationException(
                    kind,
                    "no key is set. Set MERCURE_" + variable + "_JWT_KEY (an HMAC "
                            + "secret of at least 32 bytes, or a PEM public key with MERCURE_" + variable
                            + "_JWT_ALG=RS256) or "
                            + "MERCURE_" + variable + "_JWKS_URL. The hub has no default secret.");
        }
        return keys;
    }

    private record Presented(String value, boolean fromCookie) {}
}
