package dev.benchpulse.hub.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Adversarial templates against topics built to almost match them: adjacent expressions of every operator, long
 * topics, deep nesting and stray braces, long literals. Each match must stay within a time bound and the time must
 * grow linearly with the topic. Random cases come from a fixed seed, so a failure replays; the seed is in the message.
 * A backtracking matcher spends minutes on the first hostile case: the class-wide timeout turns that into a failure.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UriTemplatesFuzzTests {

    /** The bound per match: a 10,000-character topic against a 14-expression template takes a few milliseconds. */
    private static final long BOUND_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final long SEED = 0x5EED_14L;
    private static final String OPERATORS = "+#./;?&";
    /** Characters some expression can produce (unreserved, reserved, percent): a long run of them almost matches. */
    private static final String PRODUCIBLE = "abcXYZ019-._~:/?#[]@!$&'()*+,;=%";
    /** A character no expression and no generated literal can produce: a topic ending with it never matches. */
    private static final char IMPOSSIBLE = ' ';

    @BeforeAll
    static void warm_up_the_matcher() {
        // The JIT compiles the matcher first, so that the bounds below measure matching, not compilation.
        String template = hostileTemplate(14, "+");
        for (int i = 0; i < 200; i++) {
            new TopicSelector(template).matches("a".repeat(2_000));
        }
    }

    /** {@code {+v0}{+v1}…} with the given operator before each variable, followed by {@code !}. */
    private static String hostileTemplate(int expressions, String operator) {
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < expressions; i++) {
            template.append('{').append(operator).append('v').append(i).append('}');
        }
        return template.append('!').toString();
    }

    /**
     * Matches the topic against a fresh selector (nothing remembered) and asserts the fastest of three tries stays
     * within the bound: a polynomial matcher exceeds it every time, a scheduler hiccup only once.
     */
    private static boolean timedMatch(String template, String topic) {
        long fastest = Long.MAX_VALUE;
        boolean matched = false;
        for (int attempt = 0; attempt < 3 && fastest > BOUND_NANOS; attempt++) {
            TopicSelector selector = new TopicSelector(template);
            long start = System.nanoTime();
            matched = selector.matches(topic);
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        assertThat(fastest)
                .as(
                        "%,d ns to match a %,d-character topic against %s (seed %x)",
                        fastest, topic.length(), abbreviate(template), SEED)
                .isLessThan(BOUND_NANOS);
        return matched;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "… (" + text.length() + " characters)";
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void a_fourteen_expression_template_against_a_ten_thousand_character_topic_stays_within_the_bound() {
        for (char operator : (" " + OPERATORS).toCharArray()) {
            String template = hostileTemplate(14, operator == ' ' ? "" : String.valueOf(operator));
            assertThat(timedMatch(template, "a".repeat(10_000))).isFalse();
            assertThat(timedMatch(template, "a,".repeat(5_000))).isFalse();
        }
    }

    @Test
    void random_adjacent_expressions_of_every_operator_against_long_almost_matching_topics_stay_within_the_bound() {
        Random random = new Random(SEED);
        for (int round = 0; round < 60; round++) {
            StringBuilder template = new StringBuilder();
            int expressions = 10 + random.nextInt(5);
            for (int i = 0; i < expressions; i++) {
                template.append('{');
                int operator = random.nextInt(OPERATORS.length() + 1);
                if (operator < OPERATORS.length()) {
                    template.append(OPERATORS.charAt(operator));
                }
                int variables = 1 + random.nextInt(3);
                for (int v = 0; v < variables; v++) {
                    template.append(v == 0 ? "" : ",")
                            .append("v")
                            .append(i)
                            .append('_')
                            .append(v)
                            .append(
                                    switch (random.nextInt(4)) {
                                        case 0 -> "*";
                                        case 1 -> ":" + (1 + random.nextInt(9999));
                                        default -> "";
                                    });
                }
                template.append('}');
                if (random.nextInt(4) == 0) {
                    template.append(randomString(random, PRODUCIBLE, 1));
                }
            }
            // Half the topics use only characters every unnamed expression accepts: no thread of the match dies early.
            String alphabet = round % 2 == 0 ? PRODUCIBLE : "abc019-._~,";
            String topic = randomString(random, alphabet, 1_000 + random.nextInt(9_001)) + IMPOSSIBLE;

            assertThat(timedMatch(template.toString(), topic)).isFalse();
        }
    }

    @Test
    void deep_nesting_and_stray_braces_stay_within_the_bound() {
        List<String> templates = List.of(
                "{".repeat(5_000) + "v" + "}".repeat(5_000),
                "{a{b{c{d{e{f{g{h{i{j}}}}}}}}}}".repeat(300),
                "}{".repeat(5_000),
                "{".repeat(10_000),
                "}".repeat(10_000),
                "{+v}}".repeat(2_000),
                "{{+v}".repeat(2_000),
                "{,,,,}{=}{!}{@}{|}".repeat(500));
        for (String template : templates) {
            String topic = template.substring(0, template.length() - 1) + "x";
            assertThat(timedMatch(template, topic)).isFalse();
            assertThat(timedMatch(template, "v".repeat(10_000))).isFalse();
        }
    }

    @Test
    void long_literals_that_differ_near_the_end_stay_within_the_bound() {
        Random random = new Random(SEED + 1);
        for (int round = 0; round < 20; round++) {
            String head = randomString(random, PRODUCIBLE.replace("%", ""), 5_000);
            String tail = randomString(random, PRODUCIBLE.replace("%", ""), 5_000);
            String template = head + "{+a}{b}{#c}" + tail;
            String topic = head + "x,y#z" + tail.substring(0, tail.length() - 1) + IMPOSSIBLE;

            assertThat(timedMatch(template, topic)).isFalse();
            assertThat(timedMatch(template, head + "x,y#z" + tail)).isTrue();
        }
    }

    @Test
    void matching_time_grows_linearly_with_the_topic_length() {
        String template = hostileTemplate(14, "+");
        String shortTopic = "a".repeat(5_000);
        String longTopic = "a".repeat(40_000);
        double best = Double.MAX_VALUE;
        // 8 times the length: about 8 times the time when linear, 64 when quadratic, far more when backtracking. The
        // best of three trials is asserted: noise from other processes inflates some trials, never the growth rate.
        for (int trial = 0; trial < 3 && best >= 20; trial++) {
            long shortest = Long.MAX_VALUE;
            long longest = Long.MAX_VALUE;
            for (int i = 0; i < 9; i++) {
                shortest = Math.min(shortest, timed(() -> new TopicSelector(template).matches(shortTopic)));
                longest = Math.min(longest, timed(() -> new TopicSelector(template).matches(longTopic)));
            }
            best = Math.min(best, (double) longest / shortest);
        }

        assertThat(best).as("time for 40,000 characters / time for 5,000").isLessThan(20);
    }

    private static long timed(BooleanSupplier match) {
        long start = System.nanoTime();
        match.getAsBoolean();
        return System.nanoTime() - start;
    }

    /** Random templates and values expanded by the rules of RFC 6570 section 3.2: the template matches every one. */
    @Nested
    class Expansions {

        private final Random random = new Random(SEED + 2);

        @Test
        void every_expansion_of_a_random_template_matches_it_and_a_character_no_expansion_has_breaks_it() {
            for (int round = 0; round < 500; round++) {
                StringBuilder template = new StringBuilder();
                StringBuilder expansion = new StringBuilder();
                for (int part = 0; part < 1 + random.nextInt(5); part++) {
                    if (random.nextBoolean()) {
                        String literal = randomString(random, "abc/:.-_~!$&'()*+,;=@", 1 + random.nextInt(6));
                        template.append(literal);
                        expansion.append(literal);
                    }
                    expression(template, expansion);
                }
                String topic = expansion.toString();
                int broken = random.nextInt(topic.length() + 1);

                assertThat(new TopicSelector(template.toString()).matches(topic))
                        .as("%s should match %s (seed %x, round %d)", template, topic, SEED, round)
                        .isTrue();
                assertThat(new TopicSelector(template.toString())
                                .matches(topic.substring(0, broken) + IMPOSSIBLE + topic.substring(broken)))
                        .as("%s should not match %s with a space inserted", template, topic)
                        .isFalse();
            }
        }

        private void expression(StringBuilder template, StringBuilder expansion) {
            int index = random.nextInt(OPERATORS.length() + 1);
            Operator operator = new Operator(index == OPERATORS.length() ? ' ' : OPERATORS.charAt(index));
            List<String> specs = new ArrayList<>();
            List<String> expanded = new ArrayList<>();
            for (int v = 0; v < 1 + random.nextInt(3); v++) {
                String name = "v" + randomString(random, "abcxyz019_", random.nextInt(4));
                int kind = random.nextInt(4);
                if (kind == 0) {
                    int prefix = 1 + random.nextInt(5);
                    specs.add(name + ":" + prefix);
                    String value = value();
                    expanded.add(operator.named(
                            name, operator.encode(value.substring(0, Math.min(prefix, value.length())))));
                } else if (kind == 1) {
                    specs.add(name);
                    expanded.add(operator.named(name, operator.encode(value())));
                } else {
                    boolean explode = kind == 3;
                    specs.add(name + (explode ? "*" : ""));
                    expanded.add(list(operator, name, explode));
                }
            }
            template.append('{')
                    .append(operator.symbol == ' ' ? "" : operator.symbol)
                    .append(String.join(",", specs))
                    .append('}');
            expansion.append(operator.first).append(String.join(operator.separator, expanded));
        }

        /** A list (or, exploded, sometimes an associative array) of one to three values. */
        private String list(Operator operator, String name, boolean explode) {
            boolean map = random.nextBoolean();
            List<String> items = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                String value = operator.encode(value());
                String key = "k" + randomString(random, "abc", random.nextInt(3));
                if (!map) {
                    items.add(explode ? operator.named(name, value) : value);
                } else if (explode) {
                    items.add(key + "=" + value);
                } else {
                    items.add(key + "," + value);
                }
            }
            return explode ? String.join(operator.separator, items) : operator.named(name, String.join(",", items));
        }

        private String value() {
            return randomString(random, "abcXYZ09-._~ /?#[]@!$&'()*+,;=%é\u00e9\u4e2d", random.nextInt(8));
        }
    }

    /** The expansion rules of one operator (RFC 6570 appendix A). */
    private record Operator(
            char symbol, String first, String separator, boolean isNamed, String ifEmpty, boolean reserved) {

        Operator(char symbol) {
            this(
                    symbol,
                    switch (symbol) {
                        case ' ', '+' -> "";
                        default -> String.valueOf(symbol);
                    },
                    switch (symbol) {
                        case '.', '/', ';' -> String.valueOf(symbol);
                        case '?', '&' -> "&";
                        default -> ",";
                    },
                    symbol == ';' || symbol == '?' || symbol == '&',
                    symbol == ';' ? "" : "=",
                    symbol == '+' || symbol == '#');
        }

        String named(String name, String value) {
            if (!isNamed) {
                return value;
            }
            return value.isEmpty() ? name + ifEmpty : name + "=" + value;
        }

        /** Percent-encodes every character outside the unreserved set (and the reserved one for + and #). */
        String encode(String value) {
            StringBuilder encoded = new StringBuilder();
            for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                boolean keep = (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0))
                        || (reserved && c < 128 && ":/?#[]@!$&'()*+,;=%".indexOf(c) >= 0);
                encoded.append(keep ? String.valueOf(c) : String.format("%%%02X", b & 0xff));
            }
            return encoded.toString();
        }
    }
}
