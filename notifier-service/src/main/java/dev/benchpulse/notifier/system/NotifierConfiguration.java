package dev.benchpulse.notifier.system;

import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.settings.NotifierProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/** The notifier's settings, clock, timer thread and meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifierProperties.class)
class NotifierConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Paces, parks and retries updates; its clock stamps them. One daemon thread: the work on it is short. */
    @Bean(destroyMethod = "dispose")
    Scheduler notifierScheduler() {
        return Schedulers.newSingle("notifier-timers", true);
    }

    @Bean
    NotifierMetrics notifierMetrics(MeterRegistry registry) {
        return new NotifierMetrics(registry);
    }
}
