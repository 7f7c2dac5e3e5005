-- Personal API tokens: scripts send "Authorization: Bearer <secret>" with login on. Only the SHA-256 of the secret
-- is kept (the secret is shown once, at creation); a token acts with its owner's current role. id: 16 random
-- characters, shown in lists and used to revoke; revoked tokens stay listed with revoked_at.
CREATE TABLE api_token (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    owner        VARCHAR(100) NOT NULL,
    name         VARCHAR(100) NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL UNIQUE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_owner_idx ON api_token (owner);
