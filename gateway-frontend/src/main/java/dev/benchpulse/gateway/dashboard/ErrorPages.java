package dev.benchpulse.gateway.dashboard;

import dev.benchpulse.support.problem.ProblemResponses;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the gateway answers when nothing handles a request (an unknown page, a method a page does not take) or
 * something fails: an RFC 9457 problem for the API and for clients that do not ask for HTML, and otherwise a page
 * in the dashboard's look that says what happened and where to go on. Spring's "Whitelabel Error Page" is never
 * shown. Runs before Boot's own handler.
 */
@Component
@Order(-2)
class ErrorPages implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final DashboardPages pages;
    private final ProblemResponses problems;

    ErrorPages(DashboardPages pages, ProblemResponses problems) {
        this.pages = pages;
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        HttpStatus status = failure instanceof ResponseStatusException known
                ? HttpStatus.resolve(known.getStatusCode().value())
                : null;
        HttpStatus shown = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        if (shown.is5xxServerError()) {
            log.error(
                    "{} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    failure);
        }
        Wording error = Wording.of(shown);
        if (wantsProblem(exchange)) {
            return problems.write(exchange, shown, error.title(), error.detail(exchange));
        }
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(shown);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = response.bufferFactory()
                .wrap(pages.errorPage(shown, error.title(), error.text()).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }

    private static boolean wantsProblem(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.equals("/api")) {
            return true;
        }
        List<MediaType> accepted = exchange.getRequest().getHeaders().getAccept();
        return accepted.stream()
                .noneMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /** The words for a status: a title, the page's sentence, and the problem's detail. */
    private record Wording(String title, String text) {

        static Wording of(HttpStatusCode status) {
            if (status.value() == 404) {
                return new Wording(
                        "Page not found",
                        "There is no page at this address. It may have moved, or the " + "link may be mistyped.");
            }
            if (status.is4xxClientError()) {
                return new Wording(
                        ((HttpStatus) status).getReasonPhrase(),
                        "The gateway cannot answer this request (" + status.value() + ").");
            }
            return new Wording(
                    "Something went wrong",
                    "The gateway failed to answer (" + status.value() + "). Try "
                            + "again; if it keeps failing, the gateway's log says why.");
        }

        String detail(ServerWebExchange exchange) {
            return text + " (" + exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath().value() + ")";
        }
    }
}
