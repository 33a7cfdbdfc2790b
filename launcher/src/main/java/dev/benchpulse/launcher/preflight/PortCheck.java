package dev.benchpulse.launcher.preflight;

import dev.benchpulse.launcher.supervision.Component;
import dev.benchpulse.launcher.supervision.Component.PortUse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks, before anything starts, that every port the stack will listen on is free and used only once, and says
 * for a taken port which component wanted it, which process holds it (when that can be told) and how to choose
 * another.
 */
public final class PortCheck {

    private PortCheck() {}

    /** One message per problem; empty when every port is free. */
    public static List<String> problems(List<Component> components) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> claimed = new HashMap<>();
        for (Component component : components) {
            for (PortUse use : component.ports()) {
                String previous = claimed.putIfAbsent(use.port(), component.name());
                if (previous != null) {
                    problems.add("Port " + use.port() + " is configured for both " + previous + " and "
                            + component.name() + ": give " + component.name() + " another one with " + use.option()
                            + ".");
                } else if (!free(use.port())) {
                    problems.add("Port " + use.port() + " (" + component.name() + ") is already in use"
                            + PortOwner.of(use.port())
                                    .map(owner -> " by " + owner)
                                    .orElse("")
                            + ". Stop what uses it, or choose another port with " + use.option() + " (or "
                            + environmentVariable(use.option()) + ").");
                }
            }
        }
        return problems;
    }

    /** {@code --kafka-controller-port} is also {@code BENCHPULSE_KAFKA_CONTROLLER_PORT}. */
    public static String environmentVariable(String option) {
        return "BENCHPULSE_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** As the servers bind: with SO_REUSEADDR, so connections of a previous run in TIME_WAIT do not count. */
    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
