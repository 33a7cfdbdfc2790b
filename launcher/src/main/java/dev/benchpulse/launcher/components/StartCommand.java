package dev.benchpulse.launcher.components;

import picocli.CommandLine.Command;

/** {@code ./benchpulse start <component>}. */
@Command(
        name = "start",
        mixinStandardHelpOptions = true,
        description = "Starts a component stopped with ./benchpulse stop; returns once it is healthy.")
public final class StartCommand extends ComponentCommand {

    @Override
    String action() {
        return "start";
    }
}
