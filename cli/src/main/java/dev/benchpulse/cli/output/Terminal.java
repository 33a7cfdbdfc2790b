package dev.benchpulse.cli.output;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether standard output is an interactive terminal, where progress bars can be redrawn in place. */
public final class Terminal {

    private Terminal() {}

    public static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ returns a Console even when redirected and says here whether it is a terminal.
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // Java 21: a console exists only for a terminal
        }
    }
}
