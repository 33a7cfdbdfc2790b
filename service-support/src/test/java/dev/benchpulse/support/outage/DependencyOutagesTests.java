package dev.benchpulse.support.outage;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.benchpulse.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DependencyOutagesTests {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DependencyOutages outages = new DependencyOutages(meters, Duration.ofSeconds(30), clock);
    private final Exception refused = new RuntimeException("driver", new ConnectException("Connection refused"));

    @BeforeEach
    void capture() {
        logged.start();
        logger().addAppender(logged);
    }

    @AfterEach
    void release() {
        logger().detachAppender(logged);
    }

    @Test
    void an_outage_is_logged_when_it_starts_then_once_per_interval_however_often_it_fails() {
        for (int second = 0; second < 70; second++) {
            outages.failing("postgresql", "consumer-1", refused);
            outages.failing("postgresql", "consumer-2", refused);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(warnings()).hasSize(3);
        assertThat(warnings().getFirst()).contains("postgresql is unavailable (ConnectException: Connection refused)");
        assertThat(warnings().get(1)).contains("still unavailable after 30 s");
    }

    @Test
    void an_outage_ends_when_the_last_waiter_gets_through_and_its_duration_is_measured() {
        outages.failing("postgresql", "consumer-1", refused);
        outages.failing("postgresql", "consumer-2", refused);
        clock.advance(Duration.ofSeconds(80));

        outages.restored("consumer-1");
        assertThat(outages.current()).singleElement().satisfies(outage -> {
            assertThat(outage.dependency()).isEqualTo("postgresql");
            assertThat(outage.duration()).isEqualTo(Duration.ofSeconds(80));
            assertThat(outage.waiting()).containsExactly("consumer-2");
        });
        assertThat(meters.get("benchpulse.dependency.outage.seconds").gauge().value())
                .isEqualTo(80.0);

        outages.restored("consumer-2");
        assertThat(outages.current()).isEmpty();
        assertThat(meters.counter("benchpulse.dependency.outages", "dependency", "postgresql")
                        .count())
                .isEqualTo(1);
        assertThat(meters.timer("benchpulse.dependency.outage.duration", "dependency", "postgresql")
                        .totalTime(java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(80.0);
        assertThat(meters.get("benchpulse.dependency.outage.seconds").gauge().value())
                .isZero();
    }

    private List<String> warnings() {
        return logged.list.stream()
                .filter(e -> e.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(DependencyOutages.class);
    }
}
