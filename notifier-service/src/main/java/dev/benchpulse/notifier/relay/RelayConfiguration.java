package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.settings.NotifierProperties;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    @Bean
    RunRelays runRelays(
            UpdatePublisher publisher,
            Scheduler notifierScheduler,
            NotifierMetrics metrics,
            NotifierProperties properties,
            ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        NotifierProperties.Publish publish = properties.publish();
        ProgressLimiter limiter = publish.adaptiveProgress()
                ? ProgressLimiter.adaptive(publish.maxConnections(), notifierScheduler)
                : ProgressLimiter.fixed(Integer.MAX_VALUE, notifierScheduler);
        metrics.progressLimit(limiter::limit);
        UpdatePublisher traced = new TracedPublisher(
                publisher, tracer.getIfUnique(() -> Tracer.NOOP), propagator.getIfUnique(() -> Propagator.NOOP));
        return new RunRelays(new RelaySettings(
                traced,
                notifierScheduler,
                metrics,
                properties.maxProgressPerSecond(),
                publish.parkDelay(),
                properties.runIdleTimeout(),
                limiter));
    }
}
