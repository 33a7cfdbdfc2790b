package dev.benchpulse.support.outage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health component {@code dependencies}: DOWN while a dependency is unavailable, with what is down, since when, why
 * and who waits for it. DOWN here means the service cannot do its work now, not that the process is broken:
 * restarting it would not help.
 */
class DependencyOutagesHealthIndicator extends AbstractHealthIndicator {

    private final DependencyOutages outages;

    DependencyOutagesHealthIndicator(DependencyOutages outages) {
        super("Dependency health check failed");
        this.outages = outages;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<Outage> current = outages.current();
        if (current.isEmpty()) {
            builder.up();
            return;
        }
        builder.down();
        for (Outage outage : current) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("since", outage.since().toString());
            details.put("seconds", outage.duration().toSeconds());
            details.put("reason", outage.reason());
            details.put("waiting", new TreeSet<>(outage.waiting()));
            builder.withDetail(outage.dependency(), details);
        }
    }
}
