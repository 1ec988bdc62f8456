-- Violation locations (điểm vi phạm): the places one kind of violation is reported at, per ward
-- and category. The anchor is the point of the report that started the location and never
-- moves, so a report joins the same location however many reports follow. The counts are kept
-- here for lists and maps, recomputed from the location's reports whenever one of them changes.
CREATE TABLE violation_location (
    id              uuid             PRIMARY KEY,
    ward_id         uuid             NOT NULL REFERENCES ward (id),
    category        text             NOT NULL REFERENCES category (code),
    lat             double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon             double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    anchor          point            GENERATED ALWAYS AS (point(lon, lat)) STORED,
    -- The zone the anchor lay in when the location started, for filtering by tổ dân phố.
    zone_id         uuid,
    created_at      timestamptz      NOT NULL,
    report_count    integer          NOT NULL DEFAULT 0,
    repeat_count    integer          NOT NULL DEFAULT 0,
    first_seen_at   timestamptz,
    last_seen_at    timestamptz,
    first_repeat_at timestamptz,
    CONSTRAINT violation_location_in_ward UNIQUE (ward_id, id),
    CONSTRAINT violation_location_zone_of_ward FOREIGN KEY (ward_id, zone_id) REFERENCES zone (ward_id, id)
);

-- Matching: the anchors near a point (bounding box, then exact distance). The columns the match
-- reads ride along, so it is answered from the index alone (infra/bench/locations).
CREATE INDEX violation_location_anchor ON violation_location USING gist (anchor)
    INCLUDE (ward_id, category, lat, lon, id);
-- Lists: by last sighting, or by repeat count.
CREATE INDEX violation_location_ward_seen ON violation_location (ward_id, last_seen_at DESC, id DESC);
CREATE INDEX violation_location_ward_repeats ON violation_location (ward_id, repeat_count DESC, id DESC);

-- How near is "the same place", and how much sooner a repeat offence falls due, per ward and
-- category. A category without a row gets 25 m and half the deadline.
CREATE TABLE location_policy (
    ward_id                uuid             NOT NULL REFERENCES ward (id),
    category               text             NOT NULL REFERENCES category (code),
    radius_m               double precision NOT NULL CHECK (radius_m BETWEEN 1 AND 200),
    repeat_deadline_factor double precision NOT NULL CHECK (repeat_deadline_factor > 0 AND repeat_deadline_factor <= 1),
    PRIMARY KEY (ward_id, category)
);

ALTER TABLE report
    ADD COLUMN violation_location_id uuid,
    ADD CONSTRAINT report_location_of_ward FOREIGN KEY (ward_id, violation_location_id)
        REFERENCES violation_location (ward_id, id);

CREATE INDEX report_violation_location ON report (violation_location_id, observed_at)
    WHERE violation_location_id IS NOT NULL;
-- What a new report meets at its location, each answered by one index probe however many reports
-- the place has: the oldest report waiting to be handled, and the first clearing.
CREATE INDEX report_location_waiting ON report (violation_location_id, observed_at, id)
    WHERE status IN ('UNASSIGNED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED');
CREATE INDEX report_location_cleared ON report (violation_location_id, resolved_at)
    WHERE status IN ('RESOLVED', 'VERIFIED');
-- Reports at no location (those from before locations, and those rejected as not a violation):
-- what the start-up placement asks for, answered without reading the whole table.
CREATE INDEX report_unplaced ON report (ward_id) WHERE violation_location_id IS NULL;
