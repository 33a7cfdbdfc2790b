package dev.benchpulse.hub.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Template matching checked against the expansions given as examples in RFC 6570 (levels 1 to 4). */
class UriTemplatesTests {

    private static boolean matches(String template, String uri) {
        return new TopicSelector(template).matches(uri);
    }

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{var}|value",
                "'{hello}'|Hello%20World%21",
                "{+var}|value",
                "{+hello}|Hello%20World!",
                "{+path}/here|/foo/bar/here",
                "here?ref={+path}|here?ref=/foo/bar",
                "X{#var}|X#value",
                "X{#hello}|X#Hello%20World!",
                "map?{x,y}|map?1024,768",
                "{x,hello,y}|1024,Hello%20World%21,768",
                "{+x,hello,y}|1024,Hello%20World!,768",
                "{+path,x}/here|/foo/bar,1024/here",
                "{#x,hello,y}|#1024,Hello%20World!,768",
                "X{.var}|X.value",
                "X{.x,y}|X.1024.768",
                "{/var}|/value",
                "{/var,x}/here|/value/1024/here",
                "{;x,y}|;x=1024;y=768",
                "{;x,y,empty}|;x=1024;y=768;empty",
                "{?x,y}|?x=1024&y=768",
                "{?x,y,empty}|?x=1024&y=768&empty=",
                "?fixed=yes{&x}|?fixed=yes&x=1024",
                "{&x,y,empty}|&x=1024&y=768&empty=",
                "{var:3}|val",
                "{list}|red,green,blue",
                "{list*}|red,green,blue",
                "{keys}|semi,%3B,dot,.,comma,%2C",
                "{keys*}|semi=%3B,dot=.,comma=%2C",
                "{+path:6}/here|/foo/b/here",
                "{#keys*}|#semi=;,dot=.,comma=,",
                "X{.list*}|X.red.green.blue",
                "{/list*,path:4}|/red/green/blue/%2Ffoo",
                "{;list*}|;list=red;list=green;list=blue",
                "{;keys*}|;semi=%3B;dot=.;comma=%2C",
                "{?list*}|?list=red&list=green&list=blue",
                "{?keys*}|?semi=%3B&dot=.&comma=%2C",
                "{&keys*}|&semi=%3B&dot=.&comma=%2C",
                "urn:benchpulse:runs:{runId}|urn:benchpulse:runs:2f1c6a4e-8d1b-4c1e-9a43-0c3f1f0d9b7e",
                "https://example.com/books/{id}|https://example.com/books/1",
                "/.well-known/mercure/subscriptions{/topic}{/subscriber}|/.well-known/mercure/subscriptions/https%3A%2F%2Fa/urn%3Auuid%3A1",
            })
    void an_expansion_of_the_template_matches(String template, String uri) {
        assertThat(matches(template, uri)).isTrue();
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com/books/{id}|https://example.com/books/1/reviews",
                "https://example.com/books/{id}|https://example.com/authors/1",
                "{var}|a/b",
                "{var}|a?b",
                "{?x}|?y=1",
                "{?x,y}|?x=1&z=2",
                "X{.var}|Xvalue",
                "{;x}|;y=1",
                "{/var}|value",
                "urn:benchpulse:runs:{runId}|urn:benchpulse:other:1",
                "X{#var}|Y#value",
            })
    void a_uri_the_template_cannot_produce_does_not_match(String template, String uri) {
        assertThat(matches(template, uri)).isFalse();
    }

    @Nested
    class Selectors {

        @Test
        void the_wildcard_matches_every_topic() {
            assertThat(matches("*", "anything at all")).isTrue();
        }

        @Test
        void a_string_that_is_not_a_valid_template_is_matched_exactly() {
            assertThat(matches("https://example.com/{unclosed", "https://example.com/{unclosed"))
                    .isTrue();
            assertThat(matches("https://example.com/{unclosed", "https://example.com/x"))
                    .isFalse();
            assertThat(new TopicSelector("{!bad}").isTemplate()).isFalse();
        }

        @Test
        void a_template_also_matches_a_topic_equal_to_itself() {
            assertThat(matches("https://example.com/{id}", "https://example.com/{id}"))
                    .isTrue();
        }

        @Test
        void a_pathological_topic_does_not_make_matching_explode() {
            String topic = "a,".repeat(5_000) + "/";
            long start = System.nanoTime();
            assertThat(matches("{x,y,z}", topic)).isFalse();
            assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        }
    }
}
