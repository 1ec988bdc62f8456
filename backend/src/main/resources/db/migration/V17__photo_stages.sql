-- A report's photos come at different stages: the officer's at intake, the unit's "after" photos
-- when it resolves the report (and, later, an inspector's with a review). Positions keep
-- counting across stages, so the intake limit of six no longer bounds them.
ALTER TABLE photo
    ADD COLUMN stage text NOT NULL DEFAULT 'REPORT' CHECK (stage IN ('REPORT', 'RESOLUTION', 'REVIEW')),
    DROP CONSTRAINT photo_position_check,
    ADD CONSTRAINT photo_position_positive CHECK (position >= 1);
