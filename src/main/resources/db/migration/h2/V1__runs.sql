-- FACT Lab storage (the schema: docs/architecture.md, "Storage schema"). Every metric point and snapshot is its own committed row.
CREATE TABLE run (
    id               VARCHAR(32)  NOT NULL PRIMARY KEY,
    share_token      VARCHAR(64)  NOT NULL UNIQUE,
    name             VARCHAR(200) NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    preset           VARCHAR(80),
    spec_json        CLOB         NOT NULL,
    seed             BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    error            CLOB,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at       TIMESTAMP WITH TIME ZONE,
    finished_at      TIMESTAMP WITH TIME ZONE,
    backend          VARCHAR(300),
    versions         VARCHAR(300),
    summary_json     CLOB,
    progress_done    BIGINT       NOT NULL DEFAULT 0,
    progress_total   BIGINT       NOT NULL DEFAULT 0,
    cancel_requested BOOLEAN      NOT NULL DEFAULT FALSE,
    tags             VARCHAR(400),
    notes            CLOB
);
CREATE INDEX run_created_idx ON run (created_at);
CREATE INDEX run_status_idx ON run (status);

CREATE TABLE metric (
    run_id VARCHAR(32)  NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    series VARCHAR(200) NOT NULL,
    step   BIGINT       NOT NULL,
    val    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, series, step)
);

CREATE TABLE matrix_snapshot (
    run_id  VARCHAR(32)  NOT NULL REFERENCES run (id) ON DELETE CASCADE,
    name    VARCHAR(100) NOT NULL,
    step    BIGINT       NOT NULL,
    n_rows  INT          NOT NULL,
    n_cols  INT          NOT NULL,
    min_val REAL         NOT NULL,
    max_val REAL         NOT NULL,
    data    BLOB         NOT NULL, -- float32 little-endian, row-major, deflate-compressed
    PRIMARY KEY (run_id, name, step)
);

-- db-scheduler's table (the run queue)
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP(6) WITH TIME ZONE,
    last_failure         TIMESTAMP(6) WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP(6) WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
