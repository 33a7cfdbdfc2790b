package dev.benchpulse.hub.topic;

import java.util.Collection;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/** Compiles topic selectors once and hands out shared instances, so equal selectors share their remembered matches. */
@Component
public class TopicSelectors {

    private final Cache<String, TopicSelector> compiled = Caffeine.newBuilder().maximumSize(100_000).build();

    public TopicSelector of(String selector) {
        return compiled.get(selector, TopicSelector::new);
    }

    public List<TopicSelector> of(Collection<String> selectors) {
        return selectors.stream().distinct().map(this::of).toList();
    }
}
