-- What the monthly figures read besides the period's reports.
-- A unit's workload when a period ended is read back from the audit trail, for the reports that
-- left a unit's queue after that moment: this index finds them. Intake's events (from_status null
-- or UNASSIGNED) are not in it, so it costs submissions nothing.
CREATE INDEX report_event_left_queue ON report_event (ward_id, at) INCLUDE (report_id)
    WHERE from_status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED');

-- The locations that became repeat points in a period.
CREATE INDEX violation_location_first_repeat ON violation_location (ward_id, first_repeat_at)
    WHERE first_repeat_at IS NOT NULL;
