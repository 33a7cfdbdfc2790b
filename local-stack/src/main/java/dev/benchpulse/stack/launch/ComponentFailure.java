package dev.benchpulse.stack.launch;

import java.util.List;

/** A component that did not start, with why and the last lines of its log. */
public final class ComponentFailure extends Exception {

    private final String component;
    private final List<String> logTail;

    public ComponentFailure(String component, String message, List<String> logTail) {
        super(message);
        this.component = component;
        this.logTail = List.copyOf(logTail);
    }

    public String component() {
        return component;
    }

    public List<String> logTail() {
        return logTail;
    }
}
