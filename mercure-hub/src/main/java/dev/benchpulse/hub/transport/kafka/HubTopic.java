package dev.benchpulse.hub.transport.kafka;

import dev.benchpulse.hub.settings.HubProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Makes sure the topic can carry the cluster's updates: it exists (created when missing and allowed), it has exactly
 * one partition (the order of replay depends on it), and it keeps updates for the configured retention. Segments
 * roll at a quarter of the retention, so that Kafka, which deletes whole segments, keeps updates not much longer.
 */
final class HubTopic {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HubTopic.class);
    private static final long MIN_SEGMENT_MILLIS = 60_000;

    private HubTopic() {}

    static void ensure(Admin admin, String topic, HubProperties.Kafka settings)
            throws InterruptedException, ExecutionException, TimeoutException {
        long timeout = settings.startupTimeout().toMillis();
        Map<String, String> retention = retention(settings);
        Optional<TopicDescription> existing = describe(admin, topic, timeout);
        if (existing.isEmpty()) {
            if (!settings.createTopic()) {
                throw new IllegalStateException(
                        "The Kafka topic " + topic + " does not exist and "
                                + "MERCURE_KAFKA_CREATE_TOPIC is false: create it with one partition, or let the hub create it.");
            }
            create(admin, topic, retention, timeout);
            existing = describe(admin, topic, timeout);
        }
        int partitions = existing.map(d -> d.partitions().size()).orElse(1);
        if (partitions != 1) {
            throw new IllegalStateException("The Kafka topic " + topic + " has " + partitions + " partitions; the hub "
                    + "cluster needs exactly one, because Kafka orders records only within a partition and Mercure "
                    + "replays updates in the one order they were published. Recreate the topic with one partition.");
        }
        setRetention(admin, topic, retention, timeout);
    }

    private static Map<String, String> retention(HubProperties.Kafka settings) {
        long millis = settings.retention().toMillis();
        return Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(millis),
                TopicConfig.SEGMENT_MS_CONFIG,
                Long.toString(Math.max(MIN_SEGMENT_MILLIS, millis / 4)),
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE);
    }

    private static Optional<TopicDescription> describe(Admin admin, String topic, long timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            return Optional.of(admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(timeout, TimeUnit.MILLISECONDS)
                    .get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void create(Admin admin, String topic, Map<String, String> configs, long timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()).configs(configs)))
                    .all()
                    .get(timeout, TimeUnit.MILLISECONDS);
            LOG.info("Created the Kafka topic {} (one partition) for the hub cluster's updates", topic);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // another instance or service created it at the same moment: fine
            }
        }
    }

    /** Retention is the hub's setting: an operator who may not alter topic configs keeps the topic's own. */
    private static void setRetention(Admin admin, String topic, Map<String, String> configs, long timeout)
            throws InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Collection<AlterConfigOp> ops = configs.entrySet().stream()
                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(resource, ops)).all().get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not set the retention of the Kafka topic {} ({}): it keeps its own", topic, e.toString());
        }
    }
}
