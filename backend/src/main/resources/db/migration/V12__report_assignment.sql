-- The assignment decided at intake, kept with the report: the zone and segment rows are never
-- changed by later imports, so the report keeps pointing at the map it was assigned on.
ALTER TABLE report
    ADD COLUMN zone_id          uuid,
    ADD COLUMN segment_id       uuid,
    ADD COLUMN assigned_unit_id uuid,
    ADD COLUMN assignment_rule  text CHECK (assignment_rule IN ('SEGMENT_CATEGORY', 'SEGMENT', 'ZONE_CATEGORY',
                                                                'ZONE', 'CATEGORY', 'WARD_DEFAULT', 'MANUAL')),
    ADD CONSTRAINT report_assigned_has_unit CHECK (status <> 'ASSIGNED' OR assigned_unit_id IS NOT NULL),
    -- Zone, segment and unit are always of the report's own ward.
    ADD CONSTRAINT report_zone_of_ward FOREIGN KEY (ward_id, zone_id) REFERENCES zone (ward_id, id),
    ADD CONSTRAINT report_segment_of_ward FOREIGN KEY (ward_id, segment_id) REFERENCES zone (ward_id, id),
    ADD CONSTRAINT report_unit_of_ward FOREIGN KEY (ward_id, assigned_unit_id) REFERENCES unit (ward_id, id);

CREATE INDEX report_ward_unit ON report (ward_id, assigned_unit_id, observed_at DESC, id DESC);
