package dev.benchpulse.results.export;

import dev.benchpulse.results.comparison.ComparisonService;
import dev.benchpulse.results.comparison.ComparisonView;
import dev.benchpulse.results.statistics.ComparisonCalculator;
import dev.benchpulse.results.statistics.Interval;
import dev.benchpulse.results.statistics.RunStatistics;
import dev.benchpulse.results.statistics.Samples;

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

    private final ComparisonCalculator calculator;

    BmfExporter(ComparisonService comparisons) {
        this.calculator = comparisons.calculator();
    }

    Map<String, Map<String, BmfMetric>> run(String benchmark, String runtime, RunStatistics statistics,
            Samples samples) {
        Map<String, Map<String, BmfMetric>> bmf = new LinkedHashMap<>();
        bmf.put(benchmark + "/" + runtime, measures(statistics, samples));
        return bmf;
    }

    Map<String, Map<String, BmfMetric>> comparison(String benchmark, List<ComparisonService.Measured> measured,
            List<ComparisonView.Pair> pairs) {
        Map<String, Map<String, BmfMetric>> bmf = new LinkedHashMap<>();
        for (ComparisonService.Measured m : measured) {
            bmf.put(benchmark + "/" + m.result().runtime(), measures(m.result().statistics(), m.samples()));
        }
        for (ComparisonView.Pair pair : pairs) {
            bmf.put(benchmark + "/" + pair.a() + "-vs-" + pair.b(),
                    Map.of("median-ratio", BmfMetric.of(pair.medianRatio(), pair.ci95())));
        }
        return bmf;
    }

    private Map<String, BmfMetric> measures(RunStatistics s, Samples samples) {
        Map<String, BmfMetric> measures = new LinkedHashMap<>();
        measures.put("latency", BmfMetric.of(s.median(), calculator.bootstrapMedian(samples.times())));
        Interval ci = s.ci95();
        measures.put("throughput", BmfMetric.of(s.opsPerSecond(),
                ci == null || ci.low() <= 0 ? null : new Interval(1e9 / ci.high(), 1e9 / ci.low())));
        return measures;
    }
}
