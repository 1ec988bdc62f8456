-- One row per import of a ward's map: its version (1, 2, … per ward), when it took effect, who
-- imported it and what it changed. The version guards an import against another one made since
-- its preview (If-Match); the rows are the map's history for the ward office.
CREATE TABLE zone_version (
    ward_id       uuid        NOT NULL REFERENCES ward (id),
    version       bigint      NOT NULL CHECK (version >= 1),
    valid_from    timestamptz NOT NULL,
    -- Null for imports made before versions were recorded.
    imported_by   uuid        REFERENCES app_user (id),
    imported_name text,
    zones         integer     NOT NULL CHECK (zones >= 0),
    segments      integer     NOT NULL CHECK (segments >= 0),
    added         integer     CHECK (added >= 0),
    changed       integer     CHECK (changed >= 0),
    removed       integer     CHECK (removed >= 0),
    PRIMARY KEY (ward_id, version)
);

-- The imports made so far, as the zone rows tell them: each distinct start of a ward's rows.
INSERT INTO zone_version (ward_id, version, valid_from, zones, segments)
SELECT ward_id,
       row_number() OVER (PARTITION BY ward_id ORDER BY valid_from),
       valid_from,
       count(*) FILTER (WHERE kind = 'ZONE'),
       count(*) FILTER (WHERE kind = 'SEGMENT')
  FROM zone
 GROUP BY ward_id, valid_from;
