-- How many events a report's trail must hold, kept on the report row and raised by the same
-- statement that changes the report: an event removed from the end of the trail, or the whole
-- trail, shows when the two disagree.
ALTER TABLE report ADD COLUMN event_count integer NOT NULL DEFAULT 0 CHECK (event_count >= 0);

UPDATE report r SET event_count = (SELECT count(*) FROM report_event e WHERE e.report_id = r.id);

-- A unit's work queue: its reports waiting to be handled, soonest deadline first.
CREATE INDEX report_unit_queue ON report (ward_id, assigned_unit_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
    WHERE status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED');

-- Which form of an event's content its hash covers: 1 for the events written before this
-- migration (fields joined by U+001F), 2 from now on (each field as its length and text). Adding
-- the column with a default fills the rows already there without updating them.
ALTER TABLE report_event ADD COLUMN hash_version smallint NOT NULL DEFAULT 1 CHECK (hash_version IN (1, 2));
ALTER TABLE report_event ALTER COLUMN hash_version SET DEFAULT 2;
