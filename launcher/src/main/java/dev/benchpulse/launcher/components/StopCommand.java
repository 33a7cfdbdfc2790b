package dev.benchpulse.launcher.components;

import picocli.CommandLine.Command;

/** {@code ./benchpulse stop <component>}. */
@Command(
        name = "stop",
        mixinStandardHelpOptions = true,
        description = "Stops a component of the running stack; it stays stopped (not restarted) until ./benchpulse "
                + "start.")
public final class StopCommand extends ComponentCommand {

    @Override
    String action() {
        return "stop";
    }
}
