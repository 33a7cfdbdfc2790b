package dev.benchpulse.launcher.components;

import picocli.CommandLine.Command;

/** {@code ./benchpulse kill <component>}. */
@Command(
        name = "kill",
        mixinStandardHelpOptions = true,
        description = "Kills a component of the running stack with SIGKILL, with everything it started, as a crash "
                + "would (for fault drills); the launcher then restarts it with back-off.")
public final class KillCommand extends ComponentCommand {

    @Override
    String action() {
        return "kill";
    }
}
