package dev.benchpulse.gateway.security;

import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/** The secured mode's sign-in page, styled like the dashboard, with the CSRF token in its form. */
final class LoginPage {

    private LoginPage() {}

    static Mono<ServerResponse> render(ServerRequest request) {
        Mono<CsrfToken> token = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
        String notice = request.queryParam("error").isPresent()
                ? "<p class=\"notice notice-error\" role=\"alert\">Wrong name or password. Try again.</p>"
                : request.queryParam("logout").isPresent()
                        ? "<p class=\"notice\" role=\"status\">You are signed out.</p>"
                        : "";
        return token.map(t -> html(notice, t))
                .defaultIfEmpty(html(notice, null))
                .flatMap(html -> ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .bodyValue(html));
    }

    private static String html(String notice, CsrfToken token) {
        String csrf = token == null
                ? ""
                : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName()) + "\" value=\""
                        + HtmlUtils.htmlEscape(token.getToken()) + "\">";
        return """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Sign in · Benchpulse</title>
                  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
                  <link rel="stylesheet" href="/assets/css/dashboard.css">
                </head>
                <body>
                  <main id="main" class="login">
                    <h1>Benchpulse</h1>
                    <p>Sign in to watch and run PHP benchmarks.</p>
                    %s
                    <form method="post" action="/login" class="card form">
                      <label for="username">Name</label>
                      <input id="username" name="username" autocomplete="username" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      %s
                      <button type="submit" class="button primary">Sign in</button>
                    </form>
                  </main>
                </body>
                </html>
                """.formatted(notice, csrf);
    }
}
