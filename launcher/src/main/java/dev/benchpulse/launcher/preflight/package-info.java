/** Checks before anything starts: free ports (and who holds a taken one), a PHP to run benchmarks on. */
package dev.benchpulse.launcher.preflight;
