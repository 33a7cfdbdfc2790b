/**
 * What a browser sees of a run: each lifecycle event of a run becomes one Mercure update on the run's topic, whose
 * data carries the keys the dashboard reads and, for progress, the running statistics of the current attempt,
 * maintained sample by sample instead of recomputed from every sample.
 */
package dev.benchpulse.notifier.update;
