package dev.benchpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what an {@code /actuator/prometheus} scrape offers, so a test can assert the meters a service's docs name
 * under the names Prometheus sees ({@code benchpulse.results.write} becomes {@code benchpulse_results_write_seconds_count},
 * a counter gets {@code _total}), not only under Micrometer's names; and what the repository's
 * {@code observability/metrics/<service>.txt} promise a service serves (the names the provisioned Grafana dashboard
 * may query).
 */
public final class PrometheusScrape {

    private PrometheusScrape() {}

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

    /**
     * The sample names {@code observability/metrics/<service>.txt} lists for a service: one per line, {@code #}
     * comments and blank lines ignored. The file is found from the working directory (a module of the repository).
     */
    public static Set<String> promised(String service) {
        Path repo = Path.of("").toAbsolutePath();
        while (repo != null && !Files.isDirectory(repo.resolve("observability/metrics"))) {
            repo = repo.getParent();
        }
        if (repo == null) {
            throw new IllegalStateException(
                    "No observability/metrics above " + Path.of("").toAbsolutePath());
        }
        try {
            Set<String> names = new TreeSet<>();
            for (String line :
                    Files.readAllLines(repo.resolve("observability/metrics").resolve(service + ".txt"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.strip());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
