package dev.benchpulse.testsupport;

import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what an {@code /actuator/prometheus} scrape offers, so a test can assert the meters a service's docs name
 * under the names Prometheus sees ({@code benchpulse.results.write} becomes {@code benchpulse_results_write_seconds_count},
 * a counter gets {@code _total}), not only under Micrometer's names.
 */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The name of every sample line of a scrape in Prometheus's text format, without labels or value. */
    public static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
