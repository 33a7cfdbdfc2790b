package dev.benchpulse.launcher.kafka;

import dev.benchpulse.launcher.supervision.Readiness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Waits for a Kafka cluster to answer, then creates the registry topics on it. */
final class KafkaReadiness {

    private KafkaReadiness() {}

    /** Returns the number of registry topics once they exist. */
    static int awaitAndCreateTopics(String bootstrap, Readiness readiness) throws Exception {
        if (!bootstrap.contains(",")) {
            readiness.await("accepting connections on " + bootstrap, () -> accepts(bootstrap));
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
            int[] brokers = new int[1];
            readiness.await("serving its cluster metadata", () -> {
                brokers[0] =
                        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                return brokers[0] > 0;
            });
            // One replica on a single broker; three (or as many as there are brokers) on an existing cluster.
            short replicationFactor = (short) Math.min(3, brokers[0]);
            int[] topics = new int[1];
            readiness.await("ready to create the registry topics", () -> {
                topics[0] = RegistryTopics.ensure(admin, replicationFactor);
                return true;
            });
            return topics[0];
        }
    }

    /** Whether the (first) bootstrap address accepts a connection. */
    static boolean accepts(String bootstrap) throws IOException {
        bootstrap = bootstrap.split(",")[0];
        int colon = bootstrap.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            bootstrap.substring(0, colon), Integer.parseInt(bootstrap.substring(colon + 1))),
                    1000);
            return true;
        }
    }
}
