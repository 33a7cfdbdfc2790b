package dev.benchpulse.cli.api;

/**
 * The stack answered with an HTTP error; carries the RFC 9457 problem's title and detail when there was one.
 */
public final class ApiException extends CliException {

    private final int status;
    private final String detail;

    ApiException(int status, String request, String title, String detail) {
        super(
                message(status, request, title, detail),
                status == 404 || status == 400 || status == 401 || status == 403 ? USAGE : UNAVAILABLE);
        this.status = status;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    /** The problem's detail, or empty. */
    public String detail() {
        return detail == null ? "" : detail;
    }

    private static String message(int status, String request, String title, String detail) {
        String what = detail != null && !detail.isBlank()
                ? detail
                : title != null && !title.isBlank() ? title : "HTTP " + status;
        String hint = status == 401
                ? " Sign in with --user <name> (or BENCHPULSE_USER) and the password in --password-file, "
                        + "BENCHPULSE_PASSWORD or at the prompt."
                : "";
        return what + " (" + request + " answered " + status + ")" + hint;
    }
}
