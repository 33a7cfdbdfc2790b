package dev.benchpulse.launcher.control;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which running stack a command talks to: the one on {@code --state-dir}, by default the repository's. */
public final class StackLocation {

    @Option(
            names = "--state-dir",
            paramLabel = "<dir>",
            defaultValue = "${env:BENCHPULSE_STATE_DIR}",
            description =
                    "The state directory of the running ./benchpulse up (default: .benchpulse in the " + "repository).")
    Path stateDir;

    @Option(
            names = "--home",
            paramLabel = "<dir>",
            hidden = true,
            defaultValue = "${sys:benchpulse.home:-${env:BENCHPULSE_HOME:-.}}",
            description = "The Benchpulse repository (set by ./benchpulse).")
    Path home;

    public Path stateDir() {
        return stateDir != null ? stateDir : home.toAbsolutePath().normalize().resolve(".benchpulse");
    }

    /** The client of the stack's launcher. */
    public ControlClient client() throws ControlClient.ControlException {
        return ControlClient.of(stateDir());
    }
}
