package dev.benchpulse.cli.output;

import dev.benchpulse.cli.api.Run;
import dev.benchpulse.cli.api.Statistics;
import java.util.List;

/** The statistics of finished runs, one row per runtime: what {@code ./benchpulse run} ends with. */
public final class StatisticsTable {

    private StatisticsTable() {}

    /** One row per run, labelled with its runtime. */
    public static List<String> lines(List<Run> runs) {
        return rows(runs.stream()
                .map(run -> new Row(run.runtime(), run.statistics()))
                .toList());
    }

    /** One row per labelled set of statistics. */
    public static List<String> rows(List<Row> rows) {
        Table table = Table.numeric("runtime", "n", "median", "mean ± 95% CI", "p90", "p99", "cv", "outliers", "ops/s");
        for (Row row : rows) {
            Statistics s = row.statistics();
            if (s == null) {
                table.row(row.runtime(), "-", "-", "-", "-", "-", "-", "-", "-");
                continue;
            }
            Statistics.Interval ci = s.ci95();
            table.row(
                    row.runtime(),
                    s.n() == null ? "-" : String.valueOf(s.n()),
                    Units.time(s.median()),
                    Units.meanWithInterval(s.mean(), ci == null ? null : ci.low(), ci == null ? null : ci.high()),
                    Units.time(s.p90()),
                    Units.time(s.p99()),
                    Units.percent(s.cv()),
                    outliers(s.outliers()),
                    Units.number(s.opsPerSecond()));
        }
        return table.lines();
    }

    /**
     * A labelled set of statistics.
     *
     * @param runtime    the runtime id
     * @param statistics its statistics, or null
     */
    public record Row(String runtime, Statistics statistics) {}

    private static String outliers(Statistics.Outliers outliers) {
        return outliers == null || outliers.count() == null ? "-" : String.valueOf(outliers.count());
    }
}
