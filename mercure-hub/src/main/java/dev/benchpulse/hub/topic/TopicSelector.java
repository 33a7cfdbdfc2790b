package dev.benchpulse.hub.topic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.re2j.Pattern;
import java.util.List;

/**
 * An expression a subscriber or a token uses to select topics: the wildcard {@code *} (every topic), an RFC 6570 URI
 * template (every topic the template can expand to) or any other string (that exact topic). A topic equal to the
 * selector always matches, template or not. Template results are remembered per topic, so a template is evaluated
 * once per distinct topic rather than once per update; instances come from {@link TopicSelectors} so that
 * subscribers using the same selector share one instance and one memory of results.
 */
public final class TopicSelector {

    private static final int REMEMBERED_TOPICS = 4096;

    private final String value;
    private final Pattern template;
    private final Cache<String, Boolean> results;

    TopicSelector(String value) {
        this.value = value;
        this.template = "*".equals(value) ? null : UriTemplates.toPattern(value);
        this.results = template == null
                ? null
                : Caffeine.newBuilder().maximumSize(REMEMBERED_TOPICS).build();
    }

    public String value() {
        return value;
    }

    public boolean isWildcard() {
        return "*".equals(value);
    }

    public boolean isTemplate() {
        return template != null;
    }

    public boolean matches(String topic) {
        if (isWildcard() || value.equals(topic)) {
            return true;
        }
        return template != null && results.get(topic, template::matches);
    }

    /** Whether the selector matches at least one of the topics. */
    public boolean matchesAny(List<String> topics) {
        for (String topic : topics) {
            if (matches(topic)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
