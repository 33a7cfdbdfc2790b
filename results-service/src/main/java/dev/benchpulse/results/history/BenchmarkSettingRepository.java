package dev.benchpulse.results.history;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Mono;

/** Per-benchmark regression thresholds. */
interface BenchmarkSettingRepository extends ReactiveCrudRepository<BenchmarkSetting, String> {

    @Modifying
    @Query("""
            INSERT INTO benchmark_settings (benchmark, regression_threshold) VALUES (:benchmark, :threshold)
            ON CONFLICT (benchmark) DO UPDATE SET regression_threshold = EXCLUDED.regression_threshold""")
    Mono<Integer> upsert(String benchmark, double threshold);
}
