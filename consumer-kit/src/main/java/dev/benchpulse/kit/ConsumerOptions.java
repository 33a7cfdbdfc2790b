package dev.benchpulse.kit;

import java.util.ArrayList;
import java.util.List;

/**
 * What to read, from the command line:
 * {@code [--bootstrap-servers host:port,...] [--topic name]... [--group id] [--from-beginning] [--max-events n]}.
 *
 * @param bootstrapServers Kafka's address
 * @param topics           topics to read; the lifecycle topic when none is given
 * @param group            consumer group id; a group that has committed resumes where it stopped
 * @param fromBeginning    where a new group starts: the oldest record (else only new ones)
 * @param maxEvents        exit after printing this many events (0: run until stopped)
 */
record ConsumerOptions(
        String bootstrapServers, List<String> topics, String group, boolean fromBeginning, long maxEvents) {

    static final String USAGE = "usage: java dev.benchpulse.kit.JavaConsumer [--bootstrap-servers host:port,...] "
            + "[--topic name]... [--group id] [--from-beginning] [--max-events n]";

    static ConsumerOptions parse(String... args) {
        String servers = "127.0.0.1:9092";
        List<String> topics = new ArrayList<>();
        String group = "benchpulse-java-consumer";
        boolean fromBeginning = false;
        long maxEvents = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers", "--brokers" -> servers = value(args, ++i);
                case "--topic" -> topics.add(value(args, ++i));
                case "--group" -> group = value(args, ++i);
                case "--from-beginning" -> fromBeginning = true;
                case "--max-events" -> maxEvents = count(value(args, ++i));
                default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (topics.isEmpty()) {
            topics.add("benchpulse.benchmark-events.v1");
        }
        return new ConsumerOptions(servers, List.copyOf(topics), group, fromBeginning, maxEvents);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static long count(String text) {
        try {
            long n = Long.parseLong(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--max-events needs a positive number, not '" + text + "'\n" + USAGE);
    }
}
