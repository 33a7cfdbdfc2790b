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
        return new RunRelays(new RelaySettings(publisher, notifierScheduler, metrics,
                properties.maxProgressPerSecond(), properties.publish().parkDelay(), properties.runIdleTimeout()));
    }
}
