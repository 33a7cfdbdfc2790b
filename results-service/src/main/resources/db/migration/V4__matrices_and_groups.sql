-- The runs one request queued together (benchmarks x runtimes) share a matrix id, so their progress can be read
-- together; the runs of one benchmark whose samples a runner took in turns share a group id.
ALTER TABLE runs ADD COLUMN matrix_id uuid;
ALTER TABLE runs ADD COLUMN group_id uuid;
CREATE INDEX runs_by_matrix ON runs (matrix_id, created_at, id) WHERE matrix_id IS NOT NULL;
