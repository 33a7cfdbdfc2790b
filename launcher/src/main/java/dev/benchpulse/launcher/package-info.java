/**
 * The launcher, {@code ./benchpulse up}: a real Kafka broker, PostgreSQL, the Mercure hub and the four services,
 * each an OS process of its own, started in stages and health-checked, stopped in reverse order, with their state
 * and logs under {@code .benchpulse/}. {@link dev.benchpulse.launcher.BenchpulseLauncher} is {@code ./benchpulse} in
 * full: these commands and the client commands of module {@code cli}. Sub-packages: {@code config} (settings,
 * layout, hub keys), {@code launch} (the stack's lifecycle), {@code process} (processes, pid file, watchdog),
 * {@code preflight} (ports, PHP), {@code kafka}, {@code postgres} and {@code service} (the components).
 */
package dev.benchpulse.launcher;
