-- What the period figures read besides the period's reports.

-- A unit's workload when a period ended is read back from the audit trail, for the reports whose
-- place in a unit's queue changed after that moment: this index finds them. Intake's events
-- (SUBMITTED, ASSIGNED, DUPLICATE) are not in it, so it costs submissions nothing.
CREATE INDEX report_event_queue_change ON report_event (ward_id, at) INCLUDE (report_id)
    WHERE (from_status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') OR to_status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED'))
      AND type <> 'ASSIGNED';

-- The workload at a moment long enough past that no transaction can still add an event before it
-- never changes (the trail is append-only and events carry the time they were written), so it is
-- read from the trail once and kept: per unit (null: no unit), reports waiting and overdue.
CREATE TABLE workload_snapshot (
    ward_id     uuid        NOT NULL REFERENCES ward (id),
    at          timestamptz NOT NULL,
    units       jsonb       NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (ward_id, at)
);

-- The repeat offences at each location, as intake flagged them: when a location became a repeat
-- point, for the figures of any period. Only flagged reports (about one in ten) are in it.
CREATE INDEX report_repeat_offence ON report (violation_location_id, observed_at)
    WHERE 'REPEAT_OFFENCE' = ANY (flags) AND status NOT IN ('DUPLICATE', 'REJECTED');
