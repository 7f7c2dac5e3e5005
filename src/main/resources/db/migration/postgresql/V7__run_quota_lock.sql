-- One row per account that launched runs. A launch locks its account's row (UPDATE) in the transaction that counts
-- the account's queued and running runs and stores the new ones, so that parallel launches cannot together pass
-- factlab.quota.runs.
CREATE TABLE run_quota_lock (
    account  VARCHAR(100) PRIMARY KEY,
    launches BIGINT       NOT NULL DEFAULT 0
);
