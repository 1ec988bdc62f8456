-- Violation reports (phản ánh). What the officer stated (place, time with its offset, category,
-- words) is kept as submitted, as evidence. A report is unique per reporter and client id: that
-- constraint makes a retried submission land once, however the retries race.
CREATE TABLE report (
    id                      uuid             PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id                 uuid             NOT NULL REFERENCES ward (id),
    reference               text             NOT NULL,
    reporter_id             uuid             NOT NULL REFERENCES app_user (id),
    client_report_id        uuid             NOT NULL,
    payload_sha256          text             NOT NULL,
    category                text             NOT NULL REFERENCES category (code),
    subtype                 text,
    description             text             CHECK (length(description) <= 2000),
    address_text            text             CHECK (length(address_text) <= 300),
    lat                     double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon                     double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    accuracy_m              double precision CHECK (accuracy_m >= 0),
    position                point            GENERATED ALWAYS AS (point(lon, lat)) STORED,
    observed_at             timestamptz      NOT NULL,
    observed_offset_seconds integer          NOT NULL,
    received_at             timestamptz      NOT NULL,
    status                  text             NOT NULL CHECK (status IN ('UNASSIGNED', 'ASSIGNED', 'IN_PROGRESS',
                                                 'RESOLVED', 'VERIFIED', 'REOPENED', 'REJECTED', 'DUPLICATE')),
    flags                   text[]           NOT NULL DEFAULT '{}',
    inspection_round_id     uuid,
    -- Description and address folded to lower case without diacritics, for accent-insensitive search.
    search_text             text             NOT NULL DEFAULT '',
    version                 integer          NOT NULL DEFAULT 1,
    CONSTRAINT report_client_id_unique UNIQUE (reporter_id, client_report_id),
    CONSTRAINT report_reference_unique UNIQUE (ward_id, reference),
    CONSTRAINT report_subtype_of_category FOREIGN KEY (category, subtype)
        REFERENCES category_subtype (category_code, code)
);

CREATE INDEX report_ward_observed ON report (ward_id, observed_at DESC, id DESC);
CREATE INDEX report_ward_status ON report (ward_id, status);
CREATE INDEX report_position ON report USING gist (position);

-- Reference numbers (GT-2026-000123) count per ward and year. The counter row is taken in the
-- same transaction as the report, so a failed or repeated submission leaves no gap.
CREATE TABLE report_reference_counter (
    ward_id     uuid    NOT NULL REFERENCES ward (id),
    year        integer NOT NULL,
    last_number integer NOT NULL,
    PRIMARY KEY (ward_id, year)
);
