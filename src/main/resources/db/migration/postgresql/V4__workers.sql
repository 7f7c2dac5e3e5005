-- Several workers: which worker executes a run, and the index the cross-instance live feed reads
-- new points through (metric rows of one run from a step on).
ALTER TABLE run ADD COLUMN worker VARCHAR(100);
CREATE INDEX metric_run_step_idx ON metric (run_id, step);
