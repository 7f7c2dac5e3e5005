-- Study owners: the account name of the researcher or admin who launched the study; NULL when login was off
-- (then, as for runs, only an admin may cancel or share it while login is on).
ALTER TABLE study ADD COLUMN owner VARCHAR(100);
