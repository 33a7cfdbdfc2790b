package dev.benchpulse.launcher.components;

import dev.benchpulse.launcher.control.ControlClient;
import dev.benchpulse.launcher.control.StackLocation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command on one component of the running stack ({@code restart}, {@code kill}, {@code stop}, {@code start}),
 * carried out by its launcher. Exit code 0 when it was done, 1 when the launcher refused (unknown component, stack
 * not up), 2 when no launcher answers.
 */
abstract class ComponentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StackLocation stack;

    @Parameters(
            paramLabel = "<component>",
            description = "kafka, postgres, mercure-hub, runner-service, "
                    + "results-service, notifier-service or gateway-frontend.")
    String component;

    /** The action's name in the control endpoint. */
    abstract String action();

    @Override
    public Integer call() {
        ControlClient client;
        try {
            client = stack.client();
        } catch (ControlClient.ControlException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 2;
        }
        try {
            spec.commandLine().getOut().println(client.act(component, action()));
            return 0;
        } catch (ControlClient.ControlException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
    }
}
