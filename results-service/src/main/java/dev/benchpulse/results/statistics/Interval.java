package dev.benchpulse.results.statistics;

/** A confidence interval, {@code low <= high}. */
public record Interval(double low, double high) {}
