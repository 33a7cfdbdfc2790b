package dev.benchpulse.results.statistics;

/**
 * A compared with B.
 *
 * @param medianRatio  median of A / median of B: below 1 when A is faster
 * @param ci95         95% percentile-bootstrap confidence interval of the ratio of medians
 * @param mannWhitneyU U statistic of A (the number of pairs in which A's sample is the larger, ties count half)
 * @param pValue       two-sided p-value of the Mann-Whitney U test
 */
public record Comparison(double medianRatio, Interval ci95, double mannWhitneyU, double pValue, Verdict verdict) {}
