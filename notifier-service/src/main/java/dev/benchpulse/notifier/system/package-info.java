/** Cross-cutting set-up of the notifier: its settings, clock and timers, and its meters. */
package dev.benchpulse.notifier.system;
