package dev.benchpulse.contracts.web;

import java.util.UUID;

/**
 * The Mercure topics of runs: each run's updates go to one topic IRI, which {@code POST /api/runs} returns, and one
 * URI template matches every run's topic, so a dashboard needs a single subscription. The notifier publishes to
 * these topics, the gateway grants subscriptions to the template, and clients read both from the API.
 */
public final class RunTopics {

    /** What every run's topic starts with; the run id follows. */
    public static final String PREFIX = "urn:benchpulse:runs:";
    /** The URI template (RFC 6570) that matches every run's topic. */
    public static final String TEMPLATE = PREFIX + "{runId}";

    private RunTopics() {}

    /** The topic IRI of a run. */
    public static String of(UUID runId) {
        return PREFIX + runId;
    }

    /** The topic IRI of a run, from its id as text. */
    public static String of(String runId) {
        return PREFIX + runId;
    }
}
