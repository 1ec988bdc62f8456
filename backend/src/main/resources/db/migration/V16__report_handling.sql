-- What handling adds to a report: when it was resolved, and why it was rejected (and, for a
-- duplicate, of which report). The events keep the whole story; these columns serve lists and
-- figures.
ALTER TABLE report
    ADD COLUMN resolved_at      timestamptz,
    ADD COLUMN rejection_reason text CHECK (rejection_reason IN ('NOT_A_VIOLATION', 'OUT_OF_AREA', 'DUPLICATE', 'OTHER')),
    ADD COLUMN duplicate_of     uuid REFERENCES report (id);
