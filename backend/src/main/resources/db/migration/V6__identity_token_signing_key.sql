-- The key that signs access tokens when none is configured: made once per installation from
-- PostgreSQL's strong random source (two random UUIDs, hashed to 256 bits), kept here so that
-- every instance and every restart signs and checks with the same key. Configuring
-- urbanorder.security.jwt.secret takes precedence over it.
CREATE TABLE token_signing_key (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO token_signing_key (id, secret)
VALUES (1, encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text,
                                    'UTF8')), 'base64'));
