package dev.benchpulse.gateway.dashboard;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The dashboard's addresses. Each view is a page of its own (shareable, bookmarkable, working with the back
 * button); scripts and styles are served from {@code /assets/}, libraries from {@code /webjars/}.
 */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes {

    @Bean
    RouterFunction<ServerResponse> dashboard(DashboardPages pages, SessionHandler session) {
        return route().GET("/", pages.page("catalog", "Benchmarks", false))
                .GET("/benchmarks/{slug}", pages.page("benchmark", "Benchmark", true))
                .GET("/benchmarks/{slug}/compare", pages.page("compare", "Compare runtimes", false))
                .GET("/benchmarks/{slug}/history", pages.page("history", "History", false))
                .GET("/runs/{id}", pages.page("run", "Run", false))
                .GET("/runtimes", pages.page("runtimes", "Runtimes", false))
                .GET("/matrices/{id}", pages.page("matrix", "Matrix", false))
                .GET("/benchmarks/{slug}/versions", pages.page("versions", "PHP versions", false))
                .GET("/speedup", pages.page("speedup", "Speed-up by category", false))
                .GET("/session", session::describe)
                .build();
    }
}
