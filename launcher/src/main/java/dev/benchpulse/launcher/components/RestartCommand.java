package dev.benchpulse.launcher.components;

import picocli.CommandLine.Command;

/** {@code ./benchpulse restart <component>}. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = "Stops a component of the running stack and starts it again; returns once it is healthy.")
public final class RestartCommand extends ComponentCommand {

    @Override
    String action() {
        return "restart";
    }
}
