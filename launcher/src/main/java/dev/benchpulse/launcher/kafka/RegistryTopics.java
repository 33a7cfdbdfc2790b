package dev.benchpulse.launcher.kafka;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of the registry ({@link Topics#allWithDeadLetters()}) with their partitions, and grows a topic
 * that has fewer partitions than the registry asks for (a topic never shrinks).
 */
final class RegistryTopics {

    private static final long TIMEOUT_SECONDS = 30;

    private RegistryTopics() {}

    /** Ensures every registry topic exists with at least its partitions; returns how many topics there are. */
    static int ensure(Admin admin, short replicationFactor)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Topic<?, ?>> wanted = Topics.allWithDeadLetters();
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = wanted.stream()
                .filter(t -> !existing.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor))
                .toList();
        try {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e; // a service created it at the same moment: fine
            }
        }
        growPartitions(admin, wanted);
        return wanted.size();
    }

    private static void growPartitions(Admin admin, List<Topic<?, ?>> wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(
                        wanted.stream().map(Topic::name).toList())
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new HashMap<>();
        for (Topic<?, ?> topic : wanted) {
            if (descriptions.get(topic.name()).partitions().size() < topic.partitions()) {
                grow.put(topic.name(), NewPartitions.increaseTo(topic.partitions()));
            }
        }
        if (!grow.isEmpty()) {
            admin.createPartitions(grow).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
