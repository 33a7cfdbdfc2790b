package dev.benchpulse.support.observability;

import io.opentelemetry.api.trace.Span;
import java.util.UUID;
import org.slf4j.MDC;

/**
 * Marks the work of one run on the current thread for operators: its id goes into the logging context (MDC key
 * {@value #MDC_KEY}, printed by each service's log pattern beside {@code traceId}, and a field of structured logs)
 * and onto the current span (attribute {@value #SPAN_ATTRIBUTE}, to find a run's trace), until closed.
 *
 * <pre>{@code
 * try (RunScope run = RunScope.enter(request.getRunId())) {
 *     execute(request);
 * }
 * }</pre>
 */
public final class RunScope implements AutoCloseable {

    public static final String MDC_KEY = "runId";
    public static final String SPAN_ATTRIBUTE = "benchpulse.run.id";

    private final String previous;

    private RunScope(String previous) {
        this.previous = previous;
    }

    /** Enters the run; a {@code null} id (a record that could not be decoded) marks nothing. */
    public static RunScope enter(UUID runId) {
        if (runId != null) {
            Span.current().setAttribute(SPAN_ATTRIBUTE, runId.toString());
        }
        return logs(runId);
    }

    /**
     * Names the run in the logs only, leaving the current span alone: for work on one run inside the span of
     * another, such as a member of an interleaved group executed under its leader's request.
     */
    public static RunScope logs(UUID runId) {
        String previous = MDC.get(MDC_KEY);
        if (runId != null) {
            MDC.put(MDC_KEY, runId.toString());
        }
        return new RunScope(previous);
    }

    /** Gives the thread back the run it marked before, if any. */
    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previous);
        }
    }
}
