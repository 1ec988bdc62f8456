-- Zones (tổ dân phố, polygons) and patrol segments (tuyến khoán quản, lines with a buffer) of a
-- ward. An import never changes a row: it closes the ward's current rows (valid_to) and adds new
-- ones, so the zone a report was given at intake stays as it was, and any past day's map can be
-- read back.
CREATE TABLE zone (
    id         uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id    uuid             NOT NULL REFERENCES ward (id),
    code       text             NOT NULL CHECK (code ~ '^[A-Za-z0-9._-]{1,32}$'),
    name       text             NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind       text             NOT NULL CHECK (kind IN ('ZONE', 'SEGMENT')),
    unit_id    uuid,
    buffer_m   double precision CHECK (buffer_m > 0 AND buffer_m <= 200),
    -- GeoJSON geometry (RFC 7946, WGS84 lon/lat), checked by the service on import.
    geometry   jsonb            NOT NULL,
    valid_from timestamptz      NOT NULL,
    valid_to   timestamptz,
    CONSTRAINT zone_unit_of_ward FOREIGN KEY (ward_id, unit_id) REFERENCES unit (ward_id, id),
    CONSTRAINT zone_segment_has_buffer CHECK ((kind = 'SEGMENT') = (buffer_m IS NOT NULL)),
    CONSTRAINT zone_valid_period CHECK (valid_to IS NULL OR valid_to >= valid_from),
    -- Lets reports require a zone of their own ward.
    CONSTRAINT zone_ward_id_unique UNIQUE (ward_id, id)
);

-- At most one current zone or segment per code in a ward.
CREATE UNIQUE INDEX zone_current_code ON zone (ward_id, code) WHERE valid_to IS NULL;
CREATE INDEX zone_ward_period ON zone (ward_id, valid_from, valid_to);

-- Each change to a ward's zones, rules or units bumps its version in the same transaction; every
-- instance polls the versions and reloads its in-memory map of a ward whose version moved.
CREATE TABLE assignment_version (
    ward_id    uuid        PRIMARY KEY REFERENCES ward (id),
    version    bigint      NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
