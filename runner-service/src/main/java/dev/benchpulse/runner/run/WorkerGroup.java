package dev.benchpulse.runner.run;

/**
 * The consumer group every runner's workers join to share the run requests; the request side reads its lag to
 * place new requests on the shortest queue.
 */
public final class WorkerGroup {

    public static final String ID = "benchpulse-runner";

    private WorkerGroup() {}
}
