package dev.benchpulse.hub.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties.Limits;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Selector limits: refused with 400 and a reason before anything is compiled; shared instances otherwise. */
class TopicSelectorsTests {

    private static final String SOURCE = "the topic parameters";

    private final TopicSelectors selectors = new TopicSelectors(new Limits(40, 3, 4, 0, 0));

    @Test
    void selectors_within_the_limits_are_compiled_once_and_shared() {
        List<TopicSelector> first = selectors.of(List.of(RunTopics.TEMPLATE, "*", "a"), SOURCE);
        List<TopicSelector> again = selectors.of(List.of(RunTopics.TEMPLATE), SOURCE);

        assertThat(first).extracting(TopicSelector::value).containsExactly(RunTopics.TEMPLATE, "*", "a");
        assertThat(again.getFirst()).isSameAs(first.getFirst());
    }

    @Test
    void a_template_longer_than_the_limit_is_refused_and_the_message_says_why() {
        String template = "https://example.com/" + "x".repeat(20) + "/{id}";

        assertThatThrownBy(() -> selectors.of(List.of(template), SOURCE))
                .isInstanceOfSatisfying(HubException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage())
                            .contains(
                                    template.length() + " characters long",
                                    "at most 40",
                                    "MERCURE_LIMITS_TEMPLATE_LENGTH",
                                    SOURCE);
                });
    }

    @Test
    void an_exact_topic_longer_than_the_template_limit_is_accepted() {
        String topic = "https://example.com/" + "x".repeat(100);

        assertThat(selectors.of(List.of(topic), SOURCE).getFirst().matches(topic))
                .isTrue();
    }

    @Test
    void a_template_with_more_expressions_than_the_limit_is_refused() {
        assertThatThrownBy(() -> selectors.of(List.of("{+a}{+b}{+c}{+d}!"), SOURCE))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("has 4 expressions")
                .hasMessageContaining("at most 3 per template");
        assertThat(selectors.of(List.of("{+a}{+b}{+c}!"), SOURCE)).hasSize(1);
    }

    @Test
    void more_selectors_than_the_limit_are_refused() {
        assertThatThrownBy(() -> selectors.of(List.of("a", "b", "c", "d", "e"), "the mercure.subscribe claim"))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("5 given")
                .hasMessageContaining("at most 4")
                .hasMessageContaining("the mercure.subscribe claim");
    }

    @Test
    void zero_turns_a_limit_off() {
        TopicSelectors unbounded = new TopicSelectors(new Limits(0, 0, 0, 0, 0));

        assertThat(unbounded.of(Collections.nCopies(500, "{+a}".repeat(30) + "x".repeat(2_000)), SOURCE))
                .hasSize(1);
    }
}
