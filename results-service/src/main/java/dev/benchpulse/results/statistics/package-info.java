/**
 * What the samples of a run say: the descriptive statistics of one run (centre, spread, quantiles, a confidence
 * interval of the mean, Tukey's outlier fences, memory, throughput) and the comparison of two runs (ratio of
 * medians with a bootstrap confidence interval, Mann-Whitney U test, verdict). Apache Commons Statistics does the
 * standard parts; what it lacks (the kernel density mode, the bootstrap, the fences) is written here.
 */
package dev.benchpulse.results.statistics;
