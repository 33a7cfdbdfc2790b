package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.system.NotifierMetrics;
import dev.benchpulse.notifier.system.NotifierProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.core.scheduler.Scheduler;

@Configuration(proxyBeanMethods = false)
class RelayConfiguration {

    @Bean
    RunRelays runRelays(UpdatePublisher publisher, Scheduler notifierScheduler, NotifierMetrics metrics,
            NotifierProperties properties) {
        NotifierProperties.Publish publish = properties.publish();
        ProgressLimiter limiter = publish.adaptiveProgress()
                ? ProgressLimiter.adaptive(publish.maxConnections(), notifierScheduler)
                : ProgressLimiter.fixed(Integer.MAX_VALUE, notifierScheduler);
        metrics.progressLimit(limiter::limit);
        return new RunRelays(new RelaySettings(publisher, notifierScheduler, metrics,
                properties.maxProgressPerSecond(), publish.parkDelay(), properties.runIdleTimeout(), limiter));
    }
}
