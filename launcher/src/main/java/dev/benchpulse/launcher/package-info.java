/**
 * The launcher: runs Benchpulse on this machine. {@code ./benchpulse up} starts a real Kafka broker, PostgreSQL, the
 * Mercure hub and the four services, each an OS process of its own, started in stages and health-checked, stopped
 * in reverse order, with their state and logs under {@code .benchpulse/}.
 * {@link dev.benchpulse.launcher.BenchpulseLauncher} is {@code ./benchpulse} in full: the launcher's commands, then
 * the client commands of module {@code cli}.
 *
 * <p>One package per command ({@code up}, {@code status}, and {@code components} for {@code restart}, {@code kill},
 * {@code stop}, {@code start}), beside what the commands share: {@code supervision} (the components' life:
 * preparation, staged start, health, restarts, stop), {@code control} (how commands reach the running launcher),
 * {@code config} (settings, ports, directory layout, hub keys),
 * {@code process} (processes, pid file, watchdog), {@code preflight} (ports, PHP), and the components themselves,
 * {@code kafka}, {@code postgres} and {@code service}.
 */
package dev.benchpulse.launcher;
