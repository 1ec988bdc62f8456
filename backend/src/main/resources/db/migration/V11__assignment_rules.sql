-- Which unit handles what: by segment, zone and category. The most specific rule wins (see
-- docs/assignment.md); a PUT replaces a ward's whole list. Reports keep the decision made at
-- intake, so replacing rules never changes a past report.
CREATE TABLE assignment_rule (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    ward_id      uuid NOT NULL REFERENCES ward (id),
    position     int  NOT NULL,
    zone_code    text,
    segment_code text,
    category     text REFERENCES category (code),
    unit_id      uuid NOT NULL,
    CONSTRAINT assignment_rule_unit_of_ward FOREIGN KEY (ward_id, unit_id) REFERENCES unit (ward_id, id),
    CONSTRAINT assignment_rule_zone_or_segment CHECK (zone_code IS NULL OR segment_code IS NULL),
    CONSTRAINT assignment_rule_position_unique UNIQUE (ward_id, position)
);

-- Two rules with the same conditions would leave the choice to chance.
CREATE UNIQUE INDEX assignment_rule_conditions_unique
    ON assignment_rule (ward_id, coalesce(zone_code, ''), coalesce(segment_code, ''), coalesce(category, ''));
