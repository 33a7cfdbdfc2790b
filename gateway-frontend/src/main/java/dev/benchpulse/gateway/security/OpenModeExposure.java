package dev.benchpulse.gateway.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Warns at start-up when the open mode is reachable from other machines: then anyone on the network may start runs
 * (PHP on this machine) and read every result. The address checked is {@code benchpulse.security.exposed-address}
 * when set (docker compose sets it to where it publishes the port, since inside a container the gateway always
 * listens everywhere), else {@code server.address}; none means every interface.
 */
final class OpenModeExposure implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(OpenModeExposure.class);

    private final Environment environment;

    OpenModeExposure(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String address = environment.getProperty(
                "benchpulse.security.exposed-address", environment.getProperty("server.address", ""));
        warning(address, event.getWebServer().getPort()).ifPresent(log::warn);
    }

    /** The warning for the open mode listening on {@code address} (blank: every interface), if it is not loopback. */
    static Optional<String> warning(String address, int port) {
        if (address != null && !address.isBlank() && isLoopback(address.trim())) {
            return Optional.empty();
        }
        String where = address == null || address.isBlank() ? "every network interface" : address.trim();
        return Optional.of("Open mode on " + where + " (port " + port + "): anyone who can reach this address may"
                + " start runs and read every result, without signing in. Keep BENCHPULSE_BIND_ADDRESS at 127.0.0.1,"
                + " or set BENCHPULSE_SECURITY_MODE=secured with users (docs/security.md).");
    }

    private static boolean isLoopback(String address) {
        if ("localhost".equalsIgnoreCase(address)) {
            return true;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
