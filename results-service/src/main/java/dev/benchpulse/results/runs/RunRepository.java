package dev.benchpulse.results.runs;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads runs through Spring Data R2DBC. */
@Repository
public class RunRepository {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final R2dbcEntityTemplate template;

    RunRepository(R2dbcEntityTemplate template) {
        this.template = template;
    }

    public Mono<Run> findById(UUID id) {
        return template.selectOne(query(where("id").is(id)), Run.class);
    }

    Flux<Run> list(RunFilter filter, int page, int size) {
        return template.select(
                query(filter.criteria()).sort(NEWEST_FIRST).limit(size).offset((long) page * size), Run.class);
    }

    Mono<Long> count(RunFilter filter) {
        return template.count(query(filter.criteria()), Run.class);
    }

    /** Whether any run of the benchmark is known, whatever its status. */
    Mono<Boolean> anyOf(String benchmark) {
        return template.exists(query(where("benchmark").is(benchmark)), Run.class);
    }

    /** The completed runs of a benchmark on a runtime, oldest completion first. */
    public Flux<Run> completed(String benchmark, String runtime) {
        return template.select(
                query(completedOf(benchmark, runtime))
                        .sort(Sort.by(Sort.Order.asc("completedAt"), Sort.Order.asc("id"))),
                Run.class);
    }

    /** The most recently completed run of a benchmark on a runtime. */
    public Mono<Run> latestCompleted(String benchmark, String runtime) {
        return template.selectOne(
                query(completedOf(benchmark, runtime))
                        .sort(Sort.by(Sort.Order.desc("completedAt"), Sort.Order.desc("id")))
                        .limit(1),
                Run.class);
    }

    private static Criteria completedOf(String benchmark, String runtime) {
        return where("benchmark")
                .is(benchmark)
                .and("runtime")
                .is(runtime)
                .and("status")
                .is(RunStatus.COMPLETED.name());
    }

    /** Optional filters of the list; null means any. */
    record RunFilter(String benchmark, String runtime, RunStatus status, String requestedBy) {

        Criteria criteria() {
            Criteria criteria = Criteria.empty();
            if (requestedBy != null) {
                criteria = criteria.and("requestedBy").is(requestedBy);
            }
            if (benchmark != null) {
                criteria = criteria.and("benchmark").is(benchmark);
            }
            if (runtime != null) {
                criteria = criteria.and("runtime").is(runtime);
            }
            if (status != null) {
                criteria = criteria.and("status").is(status.name());
            }
            return criteria;
        }
    }
}
