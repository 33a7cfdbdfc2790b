package dev.benchpulse.hub.ui;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the hub's page at {@code /} (a static page and a plain ES module from {@code mercure-hub-ui/}): it shows that
 * the hub is up, subscribes to a topic and shows the updates as they arrive, and publishes test updates. The files
 * live outside {@code static/} so that a hub started inside another application never serves that application's files.
 */
@Configuration(proxyBeanMethods = false)
class DebugPage {

    private static final String FOLDER = "mercure-hub-ui/";

    @Bean
    RouterFunction<ServerResponse> debugPageRoutes() {
        ClassPathResource index = new ClassPathResource(FOLDER + "index.html");
        return RouterFunctions.route(
                        GET("/"),
                        request -> ServerResponse.ok()
                                .contentType(MediaType.TEXT_HTML)
                                .bodyValue(index))
                .and(RouterFunctions.resources("/ui/**", new ClassPathResource(FOLDER)));
    }
}
