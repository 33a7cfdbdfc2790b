-- A run is COMPLETED only once every sample its latest attempt took is stored. BenchmarkCompleted says how many
-- that is (samples_taken); until they are all here the run stays RUNNING, and after the completion timeout it is
-- INCOMPLETE (samples missing). Samples that arrive later, replayed from the dead-letter topic, still complete it.

ALTER TABLE runs ADD COLUMN samples_taken integer;
-- When this service processed the run's BenchmarkCompleted (its own clock): the completion timeout runs from here.
ALTER TABLE runs ADD COLUMN completion_reported_at timestamptz;

ALTER TABLE runs DROP CONSTRAINT runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check
    CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'INCOMPLETE', 'FAILED', 'CANCELLED'));

CREATE INDEX runs_awaiting_samples ON runs (completion_reported_at)
    WHERE status = 'RUNNING' AND samples_taken IS NOT NULL;
