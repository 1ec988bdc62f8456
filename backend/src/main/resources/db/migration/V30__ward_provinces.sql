-- Provinces and centrally-run cities (tỉnh, thành phố trực thuộc trung ương) run their wards: one
-- deployment serves a province's wards, and the province watches their figures.
CREATE TABLE province (
    id         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    code       text        NOT NULL,
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT province_code_unique UNIQUE (code),
    CONSTRAINT province_code_format CHECK (code ~ '^[A-Z0-9]{1,16}$')
);

-- Wards made before provinces existed belong to one province made for them, which the bootstrap
-- settings (urbanorder.bootstrap.province-*) name on the next start.
INSERT INTO province (code, name)
SELECT 'TINH', 'Tỉnh, thành phố' WHERE EXISTS (SELECT 1 FROM ward);

ALTER TABLE ward ADD COLUMN province_id uuid REFERENCES province (id);
UPDATE ward SET province_id = (SELECT id FROM province WHERE code = 'TINH');
ALTER TABLE ward ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE ward ADD CONSTRAINT ward_of_province UNIQUE (province_id, id);
ALTER TABLE ward ADD CONSTRAINT ward_name_length CHECK (length(name) BETWEEN 1 AND 120);

-- A ward's service area, versioned by the moment it takes effect: intake checks the area in force
-- when the violation was observed. Before a ward's first version, that first version holds.
CREATE TABLE ward_area (
    ward_id    uuid        NOT NULL REFERENCES ward (id),
    valid_from timestamptz NOT NULL,
    -- GeoJSON Polygon or MultiPolygon (RFC 7946, WGS84 lon/lat), checked by the service on write.
    area       jsonb       NOT NULL,
    -- Null for the areas wards had before versions were recorded.
    changed_by uuid        REFERENCES app_user (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (ward_id, valid_from),
    CONSTRAINT ward_area_is_area CHECK (area ->> 'type' IN ('Polygon', 'MultiPolygon'))
);

INSERT INTO ward_area (ward_id, valid_from, area)
SELECT id, created_at, service_area FROM ward;

ALTER TABLE ward DROP COLUMN service_area;

-- A user belongs to a province, and to one of its wards unless they work for the province itself
-- (PROVINCE_ADMIN, PROVINCE_INSPECTOR): those have no ward and only province roles. A ward moved
-- to another province takes its users along.
ALTER TABLE app_user ADD COLUMN province_id uuid REFERENCES province (id);
UPDATE app_user u SET province_id = w.province_id FROM ward w WHERE w.id = u.ward_id;
ALTER TABLE app_user ALTER COLUMN province_id SET NOT NULL;
ALTER TABLE app_user ALTER COLUMN ward_id DROP NOT NULL;
ALTER TABLE app_user
    ADD CONSTRAINT app_user_ward_of_province FOREIGN KEY (province_id, ward_id) REFERENCES ward (province_id, id)
        ON UPDATE CASCADE;
ALTER TABLE app_user DROP CONSTRAINT app_user_roles_known;
ALTER TABLE app_user ADD CONSTRAINT app_user_roles_known CHECK (
    cardinality(roles) >= 1
    AND CASE WHEN ward_id IS NULL
             THEN roles <@ ARRAY['PROVINCE_ADMIN', 'PROVINCE_INSPECTOR']::text[]
             ELSE roles <@ ARRAY['PATROL', 'UNIT_STAFF', 'INSPECTOR', 'WARD_ADMIN']::text[] END);
CREATE INDEX app_user_province_username ON app_user (province_id, username) WHERE ward_id IS NULL;

-- Sessions and refresh tokens of province users have no ward.
ALTER TABLE desk_session ALTER COLUMN ward_id DROP NOT NULL;
ALTER TABLE refresh_token ALTER COLUMN ward_id DROP NOT NULL;
