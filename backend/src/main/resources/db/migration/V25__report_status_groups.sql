-- The rules about report states that queries ask about, each defined here once and named by every
-- query of every feature instead of a list of statuses, so that a change to the workflow changes
-- the statistics, the lists, the queues and the location counts alike. ReportStatus holds the same
-- groups for Java; ReportStatusGroupsIntegrationTests checks that the two agree for every status.
--
-- Each is one SQL expression, IMMUTABLE and not STRICT: PostgreSQL inlines it into the statement
-- that names it, so the planner sees the expression itself, as if it were written there (index
-- conditions and partial indexes work as with the literals). The partial indexes that select
-- reports by a group are made again below on the group's name. An index trusts an immutable
-- function never to change: a later migration that changes a group must rebuild (REINDEX) every
-- index whose predicate names it.

-- Not yet closed (resolved, verified or rejected): what a patrol still sees on the street.
CREATE FUNCTION report_open(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status NOT IN ('RESOLVED', 'VERIFIED', 'REJECTED') $$;

-- Waiting to be handled, with or without a unit: the report a new one at the same place duplicates.
CREATE FUNCTION report_waiting(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status IN ('UNASSIGNED', 'ASSIGNED', 'IN_PROGRESS', 'REOPENED') $$;

-- Waiting for its unit to act: a unit's queue, and what a deadline runs against.
CREATE FUNCTION report_awaiting_unit(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') $$;

-- Cleared by its unit (resolved, and perhaps verified since): the figures' "resolved", and what
-- makes a later report at the same place a repeat offence.
CREATE FUNCTION report_cleared(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status IN ('RESOLVED', 'VERIFIED') $$;

-- Cleared by its deadline (or with none). Null, like false, when cleared with no time recorded.
CREATE FUNCTION report_resolved_on_time(status text, due_at timestamptz, resolved_at timestamptz) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status IN ('RESOLVED', 'VERIFIED') AND (due_at IS NULL OR resolved_at <= due_at) $$;

-- Stands as a violation: neither a duplicate of another report nor rejected. What the figures
-- count as violations, and the only reports that can be repeat offences.
CREATE FUNCTION report_violation(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT status NOT IN ('DUPLICATE', 'REJECTED') $$;

-- Counts at a location (and toward its inspection round): every report but one rejected as not a
-- violation, which was never one. A duplicate, or a report rejected for another reason, still
-- marks the place.
CREATE FUNCTION report_counts_at_location(status text, rejection_reason text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT NOT (status = 'REJECTED' AND rejection_reason IS NOT DISTINCT FROM 'NOT_A_VIOLATION') $$;

-- The partial indexes of V16, V19 and V22, the same columns, selected by the group's name.
DROP INDEX report_unit_queue;
CREATE INDEX report_unit_queue ON report (ward_id, assigned_unit_id, (coalesce(due_at, 'infinity'::timestamptz)), id)
    WHERE report_awaiting_unit(status);

DROP INDEX report_location_waiting;
CREATE INDEX report_location_waiting ON report (violation_location_id, observed_at, id)
    WHERE report_waiting(status);

DROP INDEX report_location_cleared;
CREATE INDEX report_location_cleared ON report (violation_location_id, resolved_at)
    WHERE report_cleared(status);

DROP INDEX report_repeat_offence;
CREATE INDEX report_repeat_offence ON report (violation_location_id, observed_at)
    WHERE 'REPEAT_OFFENCE' = ANY (flags) AND report_violation(status);

DROP INDEX report_event_queue_change;
CREATE INDEX report_event_queue_change ON report_event (ward_id, at) INCLUDE (report_id)
    WHERE (report_awaiting_unit(from_status) OR report_awaiting_unit(to_status)) AND type <> 'ASSIGNED';
