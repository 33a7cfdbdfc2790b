package dev.benchpulse.gateway.dashboard;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.gateway.subscriber.SubscriberCookies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves a dashboard page and, with it, the visitor's subscriber cookie (when the security mode allows), so the
 * page's event stream is authorized from its first connection. The page names the header its scripts mark
 * state-changing requests with ({@link ApiHeaders#CLIENT}), so that the scripts do not write it again.
 */
@Component
class DashboardPages {

    private static final String LAYOUT = read("dashboard/layout.html");
    private static final String ERROR = read("dashboard/error.html");

    private final SubscriberCookies cookies;

    DashboardPages(SubscriberCookies cookies) {
        this.cookies = cookies;
    }

    /**
     * A page: the layout with the page's title, its main content ({@code dashboard/<name>.html}) and its script
     * ({@code /assets/js/pages/<name>.js}); pages that show PHP code also load the highlighter.
     */
    HandlerFunction<ServerResponse> page(String name, String title, boolean showsCode) {
        String html = LAYOUT.replace("{{title}}", title)
                .replace("{{head}}", showsCode ? read("dashboard/code-highlighting.html") : "")
                .replace("{{page}}", name)
                .replace("{{clientHeader}}", ApiHeaders.CLIENT)
                .replace("{{main}}", read("dashboard/" + name + ".html"));
        return request -> cookies.issue(request.exchange())
                .then(ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache())
                        .bodyValue(html));
    }

    /** The page shown for an error: the layout around what happened and where to go on (no request data in it). */
    String errorPage(HttpStatus status, String title, String text) {
        return LAYOUT.replace("{{title}}", title)
                .replace("{{head}}", "")
                .replace("{{page}}", "error")
                .replace(
                        "{{main}}",
                        ERROR.replace("{{status}}", String.valueOf(status.value()))
                                .replace("{{title}}", title)
                                .replace("{{text}}", text));
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The dashboard page " + path + " is missing from the jar", e);
        }
    }
}
