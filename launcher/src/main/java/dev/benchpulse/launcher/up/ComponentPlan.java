package dev.benchpulse.launcher.up;

import dev.benchpulse.launcher.config.StackKeys;
import dev.benchpulse.launcher.config.StackSettings;
import dev.benchpulse.launcher.kafka.ExternalKafka;
import dev.benchpulse.launcher.kafka.KafkaBroker;
import dev.benchpulse.launcher.postgres.Database;
import dev.benchpulse.launcher.postgres.DatabaseServer;
import dev.benchpulse.launcher.postgres.DatabaseUrl;
import dev.benchpulse.launcher.postgres.EmbeddedPostgres;
import dev.benchpulse.launcher.postgres.ExternalPostgres;
import dev.benchpulse.launcher.process.JavaCommand;
import dev.benchpulse.launcher.service.Services;
import dev.benchpulse.launcher.supervision.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a launch runs, from its settings: which components, each configured (ports, state, the keys and addresses
 * it shares with the others), in which start stages. First the infrastructure (Kafka, PostgreSQL and the hub, which
 * need nothing else; several hub instances wait for Kafka by themselves), then the four services together. An
 * existing Kafka or PostgreSQL replaces the embedded one.
 * Nothing starts here; the {@link dev.benchpulse.launcher.supervision.Supervisor} runs the plan.
 */
final class ComponentPlan {

    private ComponentPlan() {}

    static List<List<Component>> stages(StackSettings settings, StackKeys keys) {
        JavaCommand java = JavaCommand.current(settings.layout().stateDir(), settings.classDataSharing());
        String bootstrap =
                settings.kafkaBootstrap().orElse("127.0.0.1:" + settings.ports().kafka());
        Component kafka = settings.kafkaBootstrap()
                .<Component>map(ExternalKafka::new)
                .orElseGet(() -> new KafkaBroker(
                        settings.layout(),
                        settings.ports().kafka(),
                        settings.ports().kafkaController(),
                        java));
        DatabaseServer postgres = settings.databaseUrl()
                .<DatabaseServer>map(url -> new ExternalPostgres(
                        DatabaseUrl.parse(url, settings.databaseUser(), settings.databasePassword())))
                .orElseGet(() ->
                        new EmbeddedPostgres(settings.layout(), settings.ports().postgres()));
        Database database = postgres.database();
        Services services =
                new Services(settings.layout(), settings.ports(), java, settings.javaOptions(), settings.bindAddress());
        List<Component> infrastructure = new ArrayList<>(List.of(kafka, postgres));
        infrastructure.addAll(services.hubs(keys, settings.hubs(), bootstrap));
        return List.of(
                wanted(settings, infrastructure.toArray(Component[]::new)),
                wanted(
                        settings,
                        services.runner(bootstrap, keys),
                        services.results(bootstrap, database, keys),
                        services.notifier(bootstrap, keys, settings.hubs()),
                        services.gateway(bootstrap, keys, settings.hubs())));
    }

    /** Every component name {@code --only} accepts with this many hub instances, in start order. */
    static List<String> names(int hubs) {
        List<String> names = new ArrayList<>(List.of(KafkaBroker.NAME, EmbeddedPostgres.NAME));
        for (int instance = 1; instance <= Math.max(1, hubs); instance++) {
            names.add(Services.hubName(instance));
        }
        names.addAll(List.of(Services.RUNNER, Services.RESULTS, Services.NOTIFIER, Services.GATEWAY));
        return names;
    }

    private static List<Component> wanted(StackSettings settings, Component... components) {
        return Stream.of(components).filter(c -> settings.wants(c.name())).toList();
    }
}
