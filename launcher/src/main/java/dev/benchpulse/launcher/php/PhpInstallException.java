package dev.benchpulse.launcher.php;

/** An install that cannot go on, with a message that says what went wrong and what to do about it. */
public class PhpInstallException extends RuntimeException {

    public PhpInstallException(String message) {
        super(message);
    }

    public PhpInstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
