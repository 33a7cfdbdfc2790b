package dev.benchpulse.launcher.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The broker's configuration files, rewritten at every start from the configured ports: a single KRaft node that
 * is both broker and controller, with a static controller quorum (so the ports can change between starts), every
 * internal topic replicated once, and logs to standard output (the component log).
 */
final class KafkaFiles {

    private final Path dir;

    KafkaFiles(Path dir) {
        this.dir = dir;
    }

    Path serverProperties() {
        return dir.resolve("server.properties");
    }

    Path log4j2() {
        return dir.resolve("log4j2.properties");
    }

    Path data() {
        return dir.resolve("data");
    }

    boolean formatted() {
        return Files.exists(data().resolve("meta.properties"));
    }

    void write(int port, int controllerPort) throws IOException {
        Files.createDirectories(data());
        Files.writeString(serverProperties(), """
                # Written by ./benchpulse up at every start; edit the ports with its options instead.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, data()));
        Files.writeString(log4j2(), """
                status = warn
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = info
                rootLogger.appenderRef.out.ref = OUT
                logger.state.name = state.change.logger
                logger.state.level = warn
                logger.request.name = kafka.request.logger
                logger.request.level = warn
                """);
    }
}
