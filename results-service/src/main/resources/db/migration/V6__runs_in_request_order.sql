-- The runs of one matrix request share their requested_at (and so their created_at): the order in which their
-- requests were stored, which is the order the runner published them in (one partition, read one record at a time),
-- is what keeps the matrix's runtimes in the order the user asked for them. Existing rows are numbered as they lie.
ALTER TABLE runs ADD COLUMN stored_order bigint GENERATED ALWAYS AS IDENTITY;

DROP INDEX runs_by_matrix;
CREATE INDEX runs_by_matrix ON runs (matrix_id, created_at, stored_order) WHERE matrix_id IS NOT NULL;
