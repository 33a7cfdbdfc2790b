package dev.benchpulse.support.outage;

/** The innermost cause of a failure, which is the part that says what went wrong. */
public final class RootCause {

    private RootCause() {}

    /** The innermost cause as {@code SimpleName: message}. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
