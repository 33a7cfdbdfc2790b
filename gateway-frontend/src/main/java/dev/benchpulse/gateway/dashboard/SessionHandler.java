package dev.benchpulse.gateway.dashboard;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.security.SecurityProperties;
import dev.benchpulse.gateway.visitor.Visitors;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Tells a page who is looking: the security mode, the signed-in user and whether they may start runs, so the page
 * shows only the controls that will work; and the Mercure topic template of every run's updates, so the page's
 * scripts subscribe to the topics the system names in one place ({@link RunTopics}) instead of writing them again.
 */
@Component
@EnableConfigurationProperties(SecurityProperties.class)
class SessionHandler {

    private final SecurityProperties security;

    SessionHandler(SecurityProperties security) {
        this.security = security;
    }

    Mono<ServerResponse> describe(ServerRequest request) {
        boolean open = security.mode() == SecurityProperties.Mode.OPEN;
        return request.principal()
                .filter(Visitors::isSignedIn)
                .map(principal -> new Session(
                        mode(),
                        principal.getName(),
                        roles(principal),
                        open || roles(principal).contains("operator"),
                        RunTopics.TEMPLATE))
                .defaultIfEmpty(new Session(mode(), null, List.of(), open, RunTopics.TEMPLATE))
                .flatMap(session -> ServerResponse.ok().bodyValue(session));
    }

    private String mode() {
        return security.mode().name().toLowerCase(Locale.ROOT);
    }

    private static List<String> roles(Principal principal) {
        return ((Authentication) principal)
                .getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5).toLowerCase(Locale.ROOT))
                        .toList();
    }

    /** What the page needs to know about its visitor, and the topic template of its live run updates. */
    record Session(String mode, String user, List<String> roles, boolean canOperate, String runTopics) {}
}
