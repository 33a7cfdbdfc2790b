-- The system of record of benchmark runs. Every sample of the current attempt of a run is kept, so any
-- statistic can be recomputed; the statistics of a completed run are stored beside it.

CREATE TABLE runs (
    id                 uuid PRIMARY KEY,
    benchmark          text        NOT NULL,
    benchmark_name     text,
    category           text,
    runtime            text        NOT NULL,
    php_version        text,
    runtime_settings   jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status             text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    iterations         integer,
    warmup_iterations  integer,
    inner_iterations   integer,
    requested_at       timestamptz,
    requested_by       text,
    -- The latest attempt (the one whose BenchmarkStarted arrived last); only its samples are kept.
    attempt_id         uuid,
    started_at         timestamptz,
    completed_at       timestamptz,
    failure_reason     text CHECK (failure_reason IN ('TIMEOUT', 'SCRIPT_ERROR', 'RUNTIME_UNAVAILABLE', 'CANCELLED', 'INTERNAL')),
    failure_message    text,
    error_section      text,
    error_line         integer,
    -- When this service first heard of the run (request or event, whichever came first): the list's order.
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX runs_by_creation ON runs (created_at DESC, id);
CREATE INDEX runs_by_benchmark ON runs (benchmark, runtime, created_at DESC);
CREATE INDEX runs_completed ON runs (benchmark, runtime, completed_at) WHERE status = 'COMPLETED';

-- Every attempt whose BenchmarkStarted was seen: a redelivered Started of a known attempt changes nothing.
CREATE TABLE attempts (
    run_id      uuid        NOT NULL,
    attempt_id  uuid        NOT NULL,
    started_at  timestamptz NOT NULL,
    PRIMARY KEY (run_id, attempt_id)
);

-- Raw samples. No foreign key to runs: rows are written on the batched fast path, which inserts only samples of
-- the run's current attempt (a join on runs), and deleted with their attempt.
CREATE TABLE samples (
    run_id                 uuid             NOT NULL,
    attempt_id             uuid             NOT NULL,
    iteration              integer          NOT NULL,
    sequence               integer          NOT NULL,
    time_per_op_ns         double precision NOT NULL,
    memory_used_bytes      bigint           NOT NULL,
    peak_memory_bytes      bigint           NOT NULL,
    PRIMARY KEY (run_id, attempt_id, iteration)
);

-- Statistics of a completed run, computed once from its samples when BenchmarkCompleted arrives.
CREATE TABLE run_statistics (
    run_id              uuid PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    n                   integer          NOT NULL,
    mean                double precision NOT NULL,
    median              double precision NOT NULL,
    mode                double precision NOT NULL,
    min                 double precision NOT NULL,
    max                 double precision NOT NULL,
    stddev              double precision,
    cv                  double precision,
    p50                 double precision NOT NULL,
    p90                 double precision NOT NULL,
    p95                 double precision NOT NULL,
    p99                 double precision NOT NULL,
    ci95_low            double precision,
    ci95_high           double precision,
    outliers_low        double precision NOT NULL,
    outliers_high       double precision NOT NULL,
    outliers_count      integer          NOT NULL,
    mean_memory_used    double precision NOT NULL,
    peak_memory         bigint           NOT NULL,
    ops_per_second      double precision NOT NULL,
    computed_at         timestamptz      NOT NULL DEFAULT now()
);

-- Per-benchmark regression threshold (fraction: 0.10 = a median 10% slower than the baseline is a regression).
CREATE TABLE benchmark_settings (
    benchmark             text PRIMARY KEY,
    regression_threshold  double precision NOT NULL CHECK (regression_threshold > 0)
);

-- A run pinned as the baseline of a benchmark on a runtime (instead of the previous run).
CREATE TABLE baselines (
    benchmark  text        NOT NULL,
    runtime    text        NOT NULL,
    run_id     uuid        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    pinned_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (benchmark, runtime)
);
