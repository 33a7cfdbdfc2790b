package dev.benchpulse.results.deadletters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code /api/operations/dead-letters}: what waits on each dead-letter topic and why, and the replay of a topic's
 * records to their source. Kafka's clients block, so the work runs on the bounded elastic scheduler, never on an
 * event loop.
 */
@RestController
@RequestMapping("/api/operations/dead-letters")
class DeadLettersController {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;
    private final DeadLetterDepth depth;

    DeadLettersController(DeadLetters deadLetters, DeadLetterReplay replay, DeadLetterDepth depth) {
        this.deadLetters = deadLetters;
        this.replay = replay;
        this.depth = depth;
    }

    /** Every dead-letter topic with its depth and up to {@code limit} of its waiting records. */
    @GetMapping
    Mono<DeadLetterReport> list(@RequestParam(defaultValue = "20") @Min(0) @Max(200) int limit) {
        return Mono.fromCallable(() -> {
                    List<DeadLetterReport.TopicReport> topics = DeadLetterTopic.all().stream()
                            .map(topic -> new DeadLetterReport.TopicReport(
                                    topic.name(),
                                    topic.source(),
                                    deadLetters.offsets(topic).depth(),
                                    deadLetters.peek(topic, limit)))
                            .toList();
                    return DeadLetterReport.of(topics);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Replays every record waiting on {@code topic} (a dead-letter topic, or its source topic) to its source. */
    @PostMapping("/{topic}/replay")
    Mono<DeadLetterReport.Replayed> replay(@PathVariable String topic) {
        DeadLetterTopic deadLetter = DeadLetterTopic.named(topic);
        return Mono.fromCallable(() -> {
                    int replayed = replay.replay(deadLetter);
                    depth.refresh();
                    return new DeadLetterReport.Replayed(deadLetter.name(), deadLetter.source(), replayed);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
