-- Inspection rounds (đợt kiểm tra) of the ward's Fatherland Front inspectors: a period, the zones
-- walked and the members who walk them. Reports found on a round name it; a round takes reports
-- from its first to its last day (in the ward's calendar).
CREATE TABLE inspection_round (
    id         uuid        PRIMARY KEY,
    ward_id    uuid        NOT NULL REFERENCES ward (id),
    title      text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
    started_on date        NOT NULL,
    ended_on   date        NOT NULL,
    zone_codes text[]      NOT NULL DEFAULT '{}',
    member_ids uuid[]      NOT NULL DEFAULT '{}',
    notes      text        CHECK (length(notes) <= 2000),
    created_by uuid        NOT NULL REFERENCES app_user (id),
    created_at timestamptz NOT NULL,
    CONSTRAINT inspection_round_period CHECK (ended_on >= started_on),
    CONSTRAINT inspection_round_in_ward UNIQUE (ward_id, id)
);

CREATE INDEX inspection_round_ward_started ON inspection_round (ward_id, started_on DESC, id DESC);

-- Intake refused every round id until now, so no report names one yet and the check finds nothing.
ALTER TABLE report ADD CONSTRAINT report_round_of_ward
    FOREIGN KEY (ward_id, inspection_round_id) REFERENCES inspection_round (ward_id, id);
CREATE INDEX report_inspection_round ON report (inspection_round_id) WHERE inspection_round_id IS NOT NULL;
