package dev.benchpulse.launcher.preflight;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The open mode lets anyone who reaches the dashboard start runs (PHP on this machine) and read every result. On
 * loopback that is only this machine's users; with {@code --bind-address} opened to the network it is everyone
 * there, which deserves a warning before anything starts (the gateway logs one too, in its own log).
 */
public final class ExposureCheck {

    private ExposureCheck() {}

    /**
     * A warning when the gateway will listen beyond loopback in the open mode.
     *
     * @param bindAddress  where the gateway listens
     * @param securityMode the {@code BENCHPULSE_SECURITY_MODE} the stack inherits (null: open)
     */
    public static Optional<String> warning(String bindAddress, String securityMode) {
        boolean secured = securityMode != null && securityMode.trim().equalsIgnoreCase("secured");
        if (secured || isLoopback(bindAddress)) {
            return Optional.empty();
        }
        return Optional.of("The dashboard listens on " + bindAddress + " in the open mode: anyone who can reach this"
                + " address may start runs and read every result without signing in. Use --bind-address 127.0.0.1,"
                + " or BENCHPULSE_SECURITY_MODE=secured with users (docs/security.md).");
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        if ("localhost".equalsIgnoreCase(address.trim())) {
            return true;
        }
        try {
            return InetAddress.getByName(address.trim()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
