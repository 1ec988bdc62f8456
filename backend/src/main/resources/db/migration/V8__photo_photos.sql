-- Photos of reports, kept as evidence: the original bytes live in the photo storage under their
-- SHA-256; what the server read from them (type, size, EXIF time and GPS) is here.
CREATE TABLE photo (
    id           uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id      uuid             NOT NULL REFERENCES ward (id),
    report_id    uuid             NOT NULL REFERENCES report (id),
    position     smallint         NOT NULL CHECK (position BETWEEN 1 AND 6),
    sha256       text             NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content_type text             NOT NULL,
    size_bytes   bigint           NOT NULL CHECK (size_bytes > 0),
    width        integer,
    height       integer,
    taken_at     timestamptz,
    gps_lat      double precision CHECK (gps_lat BETWEEN -90 AND 90),
    gps_lon      double precision CHECK (gps_lon BETWEEN -180 AND 180),
    created_at   timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT photo_position_unique UNIQUE (report_id, position)
);

CREATE INDEX photo_ward_report ON photo (ward_id, report_id);
CREATE INDEX photo_sha256 ON photo (sha256);
