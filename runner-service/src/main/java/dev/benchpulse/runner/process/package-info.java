/**
 * Running external processes safely: a wall-clock limit, cancellation, bounded capture of their output, and
 * killing a runaway process together with every process it started.
 */
package dev.benchpulse.runner.process;
