-- Sessions of people at a desk (the console, /console/): the browser holds a random secret in an
-- HttpOnly cookie; this table holds only its SHA-256. A session ends when its user signs out, after
-- an idle spell, at its maximum age, when its user is deactivated or changes their password.
CREATE TABLE desk_session (
    secret_hash  text        PRIMARY KEY,
    ward_id      uuid        NOT NULL REFERENCES ward (id),
    user_id      uuid        NOT NULL REFERENCES app_user (id),
    started_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);

CREATE INDEX desk_session_user ON desk_session (user_id);
CREATE INDEX desk_session_expiry ON desk_session (expires_at);
