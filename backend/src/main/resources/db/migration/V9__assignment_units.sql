-- Responsible units (đơn vị, bộ phận): the urban-order team, the land and construction office,
-- the sanitation team, the ward police and so on. Units are deactivated, never deleted: reports
-- keep pointing at the unit they were assigned to.
CREATE TABLE unit (
    id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id       uuid        NOT NULL REFERENCES ward (id),
    code          text        NOT NULL CHECK (code ~ '^[A-Z0-9_-]{1,32}$'),
    name          text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind          text        NOT NULL CHECK (kind IN ('URBAN_ORDER_TEAM', 'CONSTRUCTION_OFFICE', 'SANITATION',
                                                        'POLICE', 'RESIDENTIAL_GROUP', 'OTHER')),
    contact_phone text        CHECK (length(contact_phone) <= 32),
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT unit_code_unique UNIQUE (ward_id, code),
    -- Lets other tables require a unit of their own ward.
    CONSTRAINT unit_ward_id_unique UNIQUE (ward_id, id)
);

-- A unit's staff belong to a unit of their own ward.
ALTER TABLE app_user
    ADD CONSTRAINT app_user_unit_of_ward FOREIGN KEY (ward_id, unit_id) REFERENCES unit (ward_id, id);
