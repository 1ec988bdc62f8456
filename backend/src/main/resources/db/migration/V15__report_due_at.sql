-- When the assigned unit must have handled the report; set when it is assigned.
ALTER TABLE report ADD COLUMN due_at timestamptz;

CREATE INDEX report_ward_due ON report (ward_id, due_at) WHERE due_at IS NOT NULL;
