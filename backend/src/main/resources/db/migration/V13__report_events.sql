-- A report's audit trail: every change is an event, appended and never changed. Each event
-- stores the hash of the one before it (prev_hash) and its own hash over its content and that
-- link, so an edit made behind the service's back breaks the chain where it was made.
CREATE TABLE report_event (
    report_id   uuid        NOT NULL REFERENCES report (id),
    seq         integer     NOT NULL CHECK (seq >= 1),
    ward_id     uuid        NOT NULL REFERENCES ward (id),
    at          timestamptz NOT NULL,
    -- Null for what the service did by itself (the assignment at intake).
    actor_id    uuid        REFERENCES app_user (id),
    type        text        NOT NULL,
    from_status text,
    to_status   text,
    note        text        CHECK (length(note) <= 2000),
    -- Canonical JSON (sorted keys) as hashed: kept as text so the bytes hashed are the bytes kept.
    data        text        NOT NULL DEFAULT '{}',
    prev_hash   text,
    hash        text        NOT NULL,
    PRIMARY KEY (report_id, seq),
    CONSTRAINT report_event_first_has_no_link CHECK ((seq = 1) = (prev_hash IS NULL))
);

CREATE INDEX report_event_ward_at ON report_event (ward_id, at);

CREATE FUNCTION report_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'report_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER report_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON report_event
    FOR EACH ROW EXECUTE FUNCTION report_event_append_only();

CREATE TRIGGER report_event_no_truncate
    BEFORE TRUNCATE ON report_event
    FOR EACH STATEMENT EXECUTE FUNCTION report_event_append_only();
