package dev.benchpulse.results.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.benchpulse.results.statistics.Interval;

/** One BMF metric: a value and, optionally, its lower and upper bounds. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record BmfMetric(
        double value,
        @JsonProperty("lower_value") Double lowerValue,
        @JsonProperty("upper_value") Double upperValue) {

    static BmfMetric of(double value, Interval bounds) {
        return bounds == null ? new BmfMetric(value, null, null) : new BmfMetric(value, bounds.low(), bounds.high());
    }
}
