-- The runner counts a requester's queued runs before it accepts more (docs/security.md): an index over the queued
-- runs only, which stay few, so the count never scans the whole history.
CREATE INDEX runs_queued_by_requester ON runs (requested_by) WHERE status = 'QUEUED';
