/**
 * The event-to-browser latency benchmark: a load generator ({@code main}, not a test) that writes run lifecycle
 * events to a real broker, lets a real notifier relay them to a real hub, and measures when SSE subscribers receive
 * them. See docs/performance.md, section "Notifier: event-to-browser latency".
 */
package dev.benchpulse.notifier.latency;
