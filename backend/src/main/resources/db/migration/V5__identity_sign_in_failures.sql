-- Failed sign-ins, for the brute-force limits. They come before anyone is known, often for
-- usernames that do not exist, so unlike tenant tables they carry no ward_id. Rows older than
-- a few windows are deleted as new failures arrive.
CREATE TABLE sign_in_failure (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       text        NOT NULL,
    client_address text        NOT NULL,
    failed_at      timestamptz NOT NULL
);

CREATE INDEX sign_in_failure_username ON sign_in_failure (username, failed_at);
CREATE INDEX sign_in_failure_address ON sign_in_failure (client_address, failed_at);
CREATE INDEX sign_in_failure_age ON sign_in_failure (failed_at);
