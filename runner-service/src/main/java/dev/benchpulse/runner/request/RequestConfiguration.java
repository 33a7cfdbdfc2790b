package dev.benchpulse.runner.request;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.runner.run.WorkerGroup;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The request side's limits and its view of the run-request queues. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestProperties.class)
class RequestConfiguration {

    @Bean(destroyMethod = "close")
    Admin runRequestQueuesAdmin(KafkaProperties kafka) {
        return Admin.create(kafka.buildAdminProperties());
    }

    @Bean
    QueueBalancer queueBalancer(Admin runRequestQueuesAdmin, Clock clock) {
        return new QueueBalancer(
                runRequestQueuesAdmin,
                Topics.RUN_REQUESTS.name(),
                Topics.RUN_REQUESTS.partitions(),
                WorkerGroup.ID,
                clock,
                Duration.ofSeconds(1));
    }
}
