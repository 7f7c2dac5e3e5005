-- Access: who launched a run, and revocable read-only share links.
-- owner: the account name of the researcher or admin who launched the run; NULL when login was off.
ALTER TABLE run ADD COLUMN owner VARCHAR(100);
-- Shares live in their own table (several links per run, each revocable); the single token per run that V1
-- created at submit is dropped: it was never served, and a link that cannot be revoked is not wanted.
ALTER TABLE run DROP COLUMN IF EXISTS share_token;

-- One read-only link: /s/{token}. target_type says what it opens ('run' now; 'study' later), target_id which.
-- No foreign key, as the target may live in different tables; a link whose target is gone resolves to nothing.
CREATE TABLE share (
    token       VARCHAR(64)  NOT NULL PRIMARY KEY,
    target_type VARCHAR(16)  NOT NULL,
    target_id   VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(100),
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX share_target_idx ON share (target_type, target_id);
