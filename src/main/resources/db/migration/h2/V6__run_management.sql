-- Runs you can manage: notes and tags written by people, and the record a study keeps of a deleted run.
-- user_notes: Markdown written on the run page or through PATCH /api/runs/{id} ("notes" in the API). The V1 column
-- notes keeps the lines a run records about itself while it runs (e.g. a tabular dataset that failed).
-- tags (V1, unused until now): the run's tags, lower case, joined by commas.
ALTER TABLE run ADD COLUMN user_notes CLOB;

-- A run deleted from a study: the study's page keeps a row saying so.
CREATE TABLE deleted_run (
    id            VARCHAR(32)  NOT NULL PRIMARY KEY,
    study_id      VARCHAR(32)  NOT NULL REFERENCES study (id) ON DELETE CASCADE,
    study_setting INT,
    name          VARCHAR(200) NOT NULL,
    seed          BIGINT       NOT NULL,
    deleted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_by    VARCHAR(100)
);
CREATE INDEX deleted_run_study_idx ON deleted_run (study_id);
