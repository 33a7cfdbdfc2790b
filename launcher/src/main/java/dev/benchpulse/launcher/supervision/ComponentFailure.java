package dev.benchpulse.launcher.supervision;

import java.util.List;

/** A component that did not start, with why and the last lines of its log. */
public final class ComponentFailure extends Exception {

    private final String component;
    private final List<String> logTail;

    private final boolean gaveUp;

    public ComponentFailure(String component, String message, List<String> logTail) {
        this(component, message, logTail, false);
    }

    private ComponentFailure(String component, String message, List<String> logTail, boolean gaveUp) {
        super(message);
        this.component = component;
        this.logTail = List.copyOf(logTail);
        this.gaveUp = gaveUp;
    }

    /** A component that stopped waiting because another one failed or the stack is stopping. */
    static ComponentFailure gaveUp(String component) {
        return new ComponentFailure(component, "gave up: the stack is not starting", List.of(), true);
    }

    boolean gaveUp() {
        return gaveUp;
    }

    public String component() {
        return component;
    }

    public List<String> logTail() {
        return logTail;
    }
}
