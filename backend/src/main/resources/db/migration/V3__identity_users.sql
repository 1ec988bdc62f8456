-- User accounts. Usernames are lower case and unique across the platform; every user belongs to
-- one ward. unit_id gains its foreign key when units arrive (zones and assignment).
CREATE TABLE app_user (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id       uuid        NOT NULL REFERENCES ward (id),
    username      text        NOT NULL,
    display_name  text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
    phone         text,
    roles         text[]      NOT NULL,
    unit_id       uuid,
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_username_unique UNIQUE (username),
    CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
    CONSTRAINT app_user_roles_known CHECK (
        cardinality(roles) >= 1 AND roles <@ ARRAY['PATROL', 'UNIT_STAFF', 'INSPECTOR', 'WARD_ADMIN']::text[]),
    CONSTRAINT app_user_unit_staff_has_unit CHECK (NOT ('UNIT_STAFF' = ANY (roles)) OR unit_id IS NOT NULL)
);

CREATE INDEX app_user_ward_username ON app_user (ward_id, username);
