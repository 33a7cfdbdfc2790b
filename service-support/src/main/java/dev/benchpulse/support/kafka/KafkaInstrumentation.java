package dev.benchpulse.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/**
 * What {@link TopicClients} add to every client so that operators can follow it: the registry of Micrometer
 * observations (a span per record sent and received, the trace context carried in the record headers, when
 * {@code spring.kafka.template.observation-enabled} and {@code spring.kafka.listener.observation-enabled} are on),
 * and the meter registry the consumers' client meters go to, tagged by consumer group ({@link ConsumerGroupMetrics}).
 *
 * @param observations where observations of sends and receives are reported
 * @param meters       where the consumers' client meters go; {@code null}: none are bound
 */
record KafkaInstrumentation(ObservationRegistry observations, MeterRegistry meters) {

    /** No observation, no client meters: what clients built outside a Spring application get. */
    static final KafkaInstrumentation NONE = new KafkaInstrumentation(ObservationRegistry.NOOP, null);
}
