package dev.benchpulse.results.history;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A benchmark's own regression threshold (a fraction: 0.05 flags a median 5% slower than its baseline). */
@Table("benchmark_settings")
record BenchmarkSetting(@Id String benchmark, double regressionThreshold) {}
