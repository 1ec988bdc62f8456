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

-- Before units existed a user's unit id was not checked: give every such id a placeholder unit
-- of the user's ward (inactive, kind OTHER) for the ward admin to rename or reassign, so the key
-- below can hold on a database that already has unit staff.
INSERT INTO unit (id, ward_id, code, name, kind, active)
SELECT DISTINCT ON (u.unit_id) u.unit_id, u.ward_id, 'LEGACY-' || upper(substr(md5(u.unit_id::text), 1, 8)),
       'Đơn vị chưa khai báo', 'OTHER', false
  FROM app_user u
 WHERE u.unit_id IS NOT NULL
 ORDER BY u.unit_id, u.created_at;

-- A unit's staff belong to a unit of their own ward.
ALTER TABLE app_user
    ADD CONSTRAINT app_user_unit_of_ward FOREIGN KEY (ward_id, unit_id) REFERENCES unit (ward_id, id);
