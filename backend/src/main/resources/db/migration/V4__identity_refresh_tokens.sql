-- Refresh tokens, kept only as SHA-256 hashes. A family is every token descending from one
-- sign-in; reusing a spent token revokes the family.
CREATE TABLE refresh_token (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id    uuid        NOT NULL REFERENCES ward (id),
    user_id    uuid        NOT NULL REFERENCES app_user (id),
    family_id  uuid        NOT NULL,
    token_hash text        NOT NULL,
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,
    revoked_at timestamptz,
    CONSTRAINT refresh_token_hash_unique UNIQUE (token_hash)
);

-- Lookups go by token hash, family or user, never by ward alone.
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id, expires_at);
