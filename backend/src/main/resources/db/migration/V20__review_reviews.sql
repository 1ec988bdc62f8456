-- Reviews by the ward's Fatherland Front inspectors (Ủy ban MTTQ): a verdict on how a report was
-- handled. Written once and never changed: a trigger refuses UPDATE, DELETE and TRUNCATE, as for
-- the audit trail, which also carries every review as an event.
CREATE TABLE review (
    id          uuid        PRIMARY KEY,
    ward_id     uuid        NOT NULL REFERENCES ward (id),
    report_id   uuid        NOT NULL REFERENCES report (id),
    reviewer_id uuid        NOT NULL REFERENCES app_user (id),
    verdict     text        NOT NULL CHECK (verdict IN ('CONFIRMED', 'DISPUTED', 'FOLLOW_UP')),
    comment     text        CHECK (length(comment) <= 2000),
    from_status text        NOT NULL,
    to_status   text        NOT NULL,
    -- The review's photos, kept with the report's as stage REVIEW, by their SHA-256.
    photos      text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL,
    CONSTRAINT review_comment_where_needed CHECK (verdict = 'CONFIRMED' OR length(btrim(comment)) > 0)
);

CREATE INDEX review_report ON review (report_id, created_at);
CREATE INDEX review_ward_created ON review (ward_id, created_at);

CREATE FUNCTION review_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'review is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER review_no_update_or_delete
    BEFORE UPDATE OR DELETE ON review
    FOR EACH ROW EXECUTE FUNCTION review_append_only();

CREATE TRIGGER review_no_truncate
    BEFORE TRUNCATE ON review
    FOR EACH STATEMENT EXECUTE FUNCTION review_append_only();

