/**
 * The launcher: runs Benchpulse on this machine. {@code ./benchpulse up} starts a real Kafka broker, PostgreSQL, the
 * Mercure hub and the four services, each an OS process of its own, started in stages and health-checked, stopped
 * in reverse order, with their state and logs under {@code .benchpulse/}.
 * {@link dev.benchpulse.launcher.BenchpulseLauncher} is {@code ./benchpulse} in full: the launcher's commands, then
 * the client commands of module {@code cli}.
 *
 * <p>One package per command ({@code up}), beside what the commands share: {@code supervision} (the components'
 * life: preparation, staged start, health, stop), {@code config} (settings, ports, directory layout, hub keys),
 * {@code process} (processes, pid file, watchdog), {@code preflight} (ports, PHP), and the components themselves,
 * {@code kafka}, {@code postgres} and {@code service}.
 */
package dev.benchpulse.launcher;
