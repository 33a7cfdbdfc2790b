-- A run whose attempts all ended without a word from their runner (killed or hung) fails with reason RUNNER_LOST
-- (BenchmarkFailed version 2).

ALTER TABLE runs DROP CONSTRAINT runs_failure_reason_check;
ALTER TABLE runs ADD CONSTRAINT runs_failure_reason_check
    CHECK (failure_reason IN ('TIMEOUT', 'SCRIPT_ERROR', 'RUNTIME_UNAVAILABLE', 'CANCELLED', 'INTERNAL', 'RUNNER_LOST'));
