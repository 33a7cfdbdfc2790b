package dev.benchpulse.notifier.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.relay.TracedPublisher;
import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.notifier.relay.UpdateRejectedException;
import dev.benchpulse.notifier.settings.NotifierProperties;
import dev.benchpulse.notifier.update.MercureUpdate;
import dev.benchpulse.notifier.update.RunState;
import dev.benchpulse.support.outage.DependencyOutages;
import dev.benchpulse.testsupport.RunEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MercurePublisherTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingHub hub = RecordingHub.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Scheduler scheduler = Schedulers.newSingle("test-timers");
    private final JsonMapper json = JsonMapper.builder().build();
    private final RunEvents run = RunEvents.of("str-contains", "php-8.2", 10);
    private final List<ConnectionProvider> connections = new ArrayList<>();

    @AfterEach
    void close() {
        hub.close();
        scheduler.dispose();
        connections.forEach(ConnectionProvider::dispose);
    }

    @Test
    void posts_a_standard_form_encoded_private_update_with_a_publisher_token() throws Exception {
        MercureUpdate update = new RunState().next(run.started());

        Instant sentAt = publisher(3).publish(update).block(WAIT);

        RecordingHub.Request request = hub.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/.well-known/mercure");
        assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(request.authorization()).startsWith("Bearer ");
        assertThat(SignedJWT.parse(request.authorization().substring(7))
                        .verify(new MACVerifier(PublisherTokensTests.SECRET)))
                .isTrue();
        Map<String, String> form = request.form();
        assertThat(form)
                .containsOnlyKeys("topic", "id", "private", "data")
                .containsEntry("topic", RunTopics.of(run.runId()))
                .containsEntry("id", update.id())
                .containsEntry("private", "on");
        JsonNode data = json.readTree(form.get("data"));
        assertThat(data.get("type").asString()).isEqualTo("benchmark.started");
        assertThat(data.get("timestamp").asString()).isEqualTo(sentAt.toString());
        assertThat(registry.timer(NotifierMetrics.PUBLISH_LATENCY, "outcome", "success")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void data_with_form_delimiters_percent_signs_and_non_ascii_text_arrives_intact() {
        String message = "PHP Parse error: unexpected '&' in a+b = 100% — «ünïcode» ✓\nline 2";
        RunState state = new RunState();
        state.next(run.started());
        MercureUpdate update = state.next(run.failed(FailureReason.SCRIPT_ERROR, message));

        publisher(0).publish(update).block(WAIT);

        Map<String, String> form = hub.requests().getFirst().form();
        assertThat(form).containsOnlyKeys("topic", "id", "private", "data");
        assertThat(json.readTree(form.get("data")).get("message").asString()).isEqualTo(message);
    }

    @Test
    void asks_the_hub_to_close_each_connection_unless_keep_alive_is_on() {
        MercureUpdate update = new RunState().next(run.started());

        publisher(0).publish(update).block(WAIT);
        publisher(0, Duration.ofSeconds(3), true).publish(update).block(WAIT);

        assertThat(hub.requests()).extracting(RecordingHub.Request::connection).containsExactly("close", null);
    }

    @Test
    void retries_with_back_off_until_the_hub_takes_the_update() {
        hub.reply(503).reply(502);

        publisher(3).publish(new RunState().next(run.started())).block(WAIT);

        assertThat(hub.requests()).hasSize(3);
        assertThat(registry.counter(NotifierMetrics.RETRIED).count()).isEqualTo(2);
        assertThat(registry.timer(NotifierMetrics.PUBLISH_LATENCY, "outcome", "error")
                        .count())
                .isEqualTo(2);
    }

    @Test
    void gives_up_after_its_bounded_retries() {
        for (int i = 0; i < 10; i++) {
            hub.reply(503);
        }

        assertThatThrownBy(() ->
                        publisher(3).publish(new RunState().next(run.started())).block(WAIT))
                .hasMessageContaining("Retries exhausted: 3/3");
        assertThat(hub.requests()).hasSize(4);
    }

    @Test
    void does_not_retry_an_update_the_hub_rejects_for_good() {
        hub.reply(400);

        assertThatThrownBy(() ->
                        publisher(3).publish(new RunState().next(run.started())).block(WAIT))
                .isInstanceOf(UpdateRejectedException.class)
                .hasMessageContaining("with 400: refused");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void retries_an_authorization_failure_as_it_may_be_a_key_being_rotated() {
        hub.reply(401).reply(403);

        publisher(3).publish(new RunState().next(run.started())).block(WAIT);

        assertThat(hub.requests()).hasSize(3);
    }

    @Test
    void stops_waiting_for_a_hub_that_does_not_answer() {
        hub.reply(200, Duration.ofSeconds(5));
        long start = System.nanoTime();

        assertThatThrownBy(() -> publisher(0, Duration.ofMillis(300), false)
                        .publish(new RunState().next(run.started()))
                        .block(WAIT))
                .isNotNull();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void sends_the_trace_context_of_the_publish_in_the_request_headers() {
        Propagator propagator = new Propagator() {
            @Override
            public List<String> fields() {
                return List.of("traceparent");
            }

            @Override
            public <C> void inject(TraceContext context, C carrier, Setter<C> setter) {
                setter.set(carrier, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            }

            @Override
            public <C> Span.Builder extract(C carrier, Getter<C> getter) {
                return Span.Builder.NOOP;
            }
        };

        new TracedPublisher(publisher(3), Tracer.NOOP, propagator)
                .publish(new RunState().next(run.started()))
                .block(WAIT);

        assertThat(hub.requests())
                .extracting(RecordingHub.Request::traceparent)
                .containsExactly("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    }

    private UpdatePublisher publisher(int retries) {
        return publisher(retries, Duration.ofSeconds(3), false);
    }

    private UpdatePublisher publisher(int retries, Duration responseTimeout, boolean keepAlive) {
        NotifierProperties.Publish publish = new NotifierProperties.Publish(
                Duration.ofMillis(500),
                responseTimeout,
                retries,
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                0.5,
                Duration.ofSeconds(1),
                keepAlive,
                8,
                true);
        NotifierProperties properties = new NotifierProperties(
                10,
                Duration.ofMinutes(10),
                new NotifierProperties.Hub(
                        hub.url(),
                        PublisherTokensTests.jwt(PublisherTokensTests.SECRET, "HS256", null),
                        NotifierProperties.HubTransport.HTTP,
                        Duration.ZERO),
                publish,
                new NotifierProperties.Consumer(100, Duration.ZERO));
        HubConfiguration configuration = new HubConfiguration();
        ConnectionProvider pool = configuration.hubConnections(properties);
        connections.add(pool);
        return configuration.mercurePublisher(
                properties,
                pool,
                configuration.publisherTokens(properties, Clock.systemUTC()),
                json,
                scheduler,
                new NotifierMetrics(registry),
                new DependencyOutages(registry, Duration.ofSeconds(30)));
    }
}
