package dev.benchpulse.hub.topic;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.settings.HubProperties.Limits;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Compiles topic selectors once and hands out shared instances, so equal selectors share their remembered matches.
 * Selectors over the configured limits are refused before anything is compiled, whether they come from a
 * subscription's {@code topic} parameters or from a token's claim: a signed token must not be a way to bring in a
 * template nobody could subscribe with. A selector is remembered only while some subscription or token uses it.
 */
@Component
public class TopicSelectors {

    private static final int SHOWN = 80;

    private final Cache<String, TopicSelector> compiled =
            Caffeine.newBuilder().maximumSize(100_000).weakValues().build();
    private final Limits limits;

    @Autowired
    public TopicSelectors(HubProperties properties) {
        this(properties.limits());
    }

    TopicSelectors(Limits limits) {
        this.limits = limits;
    }

    /**
     * The selectors, without repeats; 400 when there are too many, or when a template is too long or has too many
     * expressions.
     *
     * @param source where the selectors come from, for the refusal's message (e.g. "the topic parameters")
     */
    public List<TopicSelector> of(Collection<String> selectors, String source) {
        if (limits.selectors() > 0 && selectors.size() > limits.selectors()) {
            throw HubException.badRequest("Too many topic selectors in " + source + ": " + selectors.size()
                    + " given, this hub accepts at most " + limits.selectors() + " (MERCURE_LIMITS_SELECTORS). Use a "
                    + "URI template or * to select many topics at once.");
        }
        selectors.forEach(selector -> check(selector, source));
        return selectors.stream()
                .distinct()
                .map(selector -> compiled.get(selector, TopicSelector::new))
                .toList();
    }

    /** Counts braces, not valid expressions: what is refused never reaches the template compiler. */
    private void check(String selector, String source) {
        if (selector.indexOf('{') < 0) {
            return;
        }
        if (limits.templateLength() > 0 && selector.length() > limits.templateLength()) {
            throw HubException.badRequest("The URI template '" + shown(selector) + "' in " + source + " is "
                    + selector.length() + " characters long; this hub accepts templates of at most "
                    + limits.templateLength() + " characters (MERCURE_LIMITS_TEMPLATE_LENGTH).");
        }
        long expressions = selector.chars().filter(c -> c == '{').count();
        if (limits.templateExpressions() > 0 && expressions > limits.templateExpressions()) {
            throw HubException.badRequest("The URI template '" + shown(selector) + "' in " + source + " has "
                    + expressions + " expressions ({...}); this hub accepts at most " + limits.templateExpressions()
                    + " per template (MERCURE_LIMITS_TEMPLATE_EXPRESSIONS).");
        }
    }

    private static String shown(String selector) {
        return selector.length() <= SHOWN ? selector : selector.substring(0, SHOWN) + "...";
    }
}
