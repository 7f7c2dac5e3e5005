-- Studies: a sweep over fields and seeds whose runs are queued together.
-- sweep_json holds the resolved axes {field: [values…]} in order; a run's study_setting indexes their
-- Cartesian product (first axis slowest), so the settings never have to be stored one by one.
CREATE TABLE study (
    id               VARCHAR(32)  NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    notes            TEXT,
    kind             VARCHAR(40)  NOT NULL,
    study_preset     VARCHAR(80),
    preset           VARCHAR(80),
    spec_json        TEXT         NOT NULL,
    sweep_json       TEXT         NOT NULL,
    seeds            INT          NOT NULL,
    total_runs       INT          NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX study_created_idx ON study (created_at);

ALTER TABLE run ADD COLUMN study_id VARCHAR(32) REFERENCES study (id) ON DELETE SET NULL;
ALTER TABLE run ADD COLUMN study_setting INT;
CREATE INDEX run_study_idx ON run (study_id, study_setting);
