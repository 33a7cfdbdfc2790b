package dev.benchpulse.notifier.update;

/** The kinds of run update, with the {@code type} string the dashboard switches on. */
public enum UpdateType {
    STARTED("benchmark.started"),
    PROGRESS("benchmark.progress"),
    COMPLETED("benchmark.completed"),
    FAILED("benchmark.failed");

    private final String wireName;

    UpdateType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Completed and failed end an attempt; they are never dropped. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED;
    }
}
