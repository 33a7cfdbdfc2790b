/** Cross-cutting set-up of the notifier, its wiring: the clock and timers, and the beans the features share. */
package dev.benchpulse.notifier.system;
