package dev.benchpulse.results.export;

import dev.benchpulse.results.comparison.ComparisonService;
import dev.benchpulse.results.comparison.ComparisonView;
import dev.benchpulse.results.statistics.Interval;
import dev.benchpulse.results.statistics.RunStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Maps results to BMF. Each run is the benchmark {@code <slug>/<runtime>} with two measures: {@code latency} (ns:
 * the median, bounded by its 95% percentile-bootstrap interval) and {@code throughput} (operations per second at
 * the mean, bounded by the 95% confidence interval of the mean turned into operations per second). A comparison
 * adds, per pair, the benchmark {@code <slug>/<a>-vs-<b>} with the measure {@code median-ratio} and its bootstrap
 * interval.
 */
@Component
class BmfExporter {

    /** @param latency the bootstrap interval of the run's median */
    Map<String, Map<String, BmfMetric>> run(
            String benchmark, String runtime, RunStatistics statistics, Interval latency) {
        Map<String, Map<String, BmfMetric>> bmf = new LinkedHashMap<>();
        bmf.put(benchmark + "/" + runtime, measures(statistics, latency));
        return bmf;
    }

    /** @param latencies the bootstrap interval of each measured run's median, in the same order */
    Map<String, Map<String, BmfMetric>> comparison(
            String benchmark,
            List<ComparisonService.Measured> measured,
            List<ComparisonView.Pair> pairs,
            List<Interval> latencies) {
        Map<String, Map<String, BmfMetric>> bmf = new LinkedHashMap<>();
        for (int i = 0; i < measured.size(); i++) {
            ComparisonService.Measured m = measured.get(i);
            bmf.put(benchmark + "/" + m.result().runtime(), measures(m.result().statistics(), latencies.get(i)));
        }
        for (ComparisonView.Pair pair : pairs) {
            bmf.put(
                    benchmark + "/" + pair.a() + "-vs-" + pair.b(),
                    Map.of("median-ratio", BmfMetric.of(pair.medianRatio(), pair.ci95())));
        }
        return bmf;
    }

    private Map<String, BmfMetric> measures(RunStatistics s, Interval latency) {
        Map<String, BmfMetric> measures = new LinkedHashMap<>();
        measures.put("latency", BmfMetric.of(s.median(), latency));
        Interval ci = s.ci95();
        measures.put(
                "throughput",
                BmfMetric.of(
                        s.opsPerSecond(),
                        ci == null || ci.low() <= 0 ? null : new Interval(1e9 / ci.high(), 1e9 / ci.low())));
        return measures;
    }
}
