-- The SQL one JSON-only submission executes, in the same order, for pgbench to run as the floor:
-- one transaction (a first arrival needs no client-id check before it) with the location locks (the ward and category's, shared,
-- then the 100 m cells the search box touches); then one statement that places the report (the
-- nearest location with what waits there and whether one was cleared before, and the count there;
-- or a new location that counts it); then one statement with the reference number, the report, the
-- first two events of its audit trail (submitted, assigned or duplicate) and the report read back
-- with its names; then the commit. Points are drawn like the load driver's, so both see duplicates
-- in the same proportion. The box's spans are the service's at this latitude for 25 m, as
-- constants. Wards, categories and the assignment (zone, segment, unit) come from the service's
-- memory, so they are not here; the insert names the demo's urban-order team as its unit and no
-- zone (the service also names a zone, one more key check on a small table). The client id comes
-- from one extra round trip (pgbench cannot make a UUID), which flatters the service a little;
-- pgbench uses the simple protocol where R2DBC prepares statements.
-- run.sh sets :spread to 1 for LOAD=spread (the whole ward, three categories), else 0.
\set lat 21.0440 + random(0, 300000) * 0.00000001
\set lon 105.8830 + random(0, 400000) * 0.00000001
\set c 1
\if :spread
\set lat 21.0405 + random(0, 900000) * 0.00000001
\set lon 105.8805 + random(0, 1000000) * 0.00000001
\set c random(1, 3)
\endif
\set cx1 int((:lon - 0.000243) * 1000)
\set cx2 int((:lon + 0.000243) * 1000)
\set cy1 int((:lat - 0.000227) * 1000)
\set cy2 int((:lat + 0.000227) * 1000)
SELECT gen_random_uuid() AS cid, gen_random_uuid() AS rid \gset
BEGIN;
SELECT pg_advisory_xact_lock_shared(6, 42 + :c),
       (SELECT count(pg_advisory_xact_lock(7, key))
          FROM (SELECT DISTINCT (x % 1000) * 100000 + (y % 1000) * 10 + :c AS key
                  FROM generate_series(:cx1, :cx2) x, generate_series(:cy1, :cy2) y ORDER BY key) cells);
WITH found AS MATERIALIZED (
    SELECT id FROM (SELECT l.id, 6371008.8 * 2 * asin(sqrt(power(sin(radians(l.lat - :lat) / 2), 2)
           + cos(radians(:lat)) * cos(radians(l.lat)) * power(sin(radians(l.lon - :lon) / 2), 2))) AS distance_m
           FROM violation_location l WHERE l.ward_id = 'a1000000-0000-4000-8000-000000000001'
            AND l.category = (ARRAY['SIDEWALK_ENCROACHMENT', 'CONSTRUCTION', 'SANITATION'])[:c]
            AND l.anchor <@ box(point(:lon - 0.000243, :lat - 0.000227), point(:lon + 0.000243, :lat + 0.000227))
            AND EXISTS (SELECT 1 FROM report r WHERE r.violation_location_id = l.id)) near
     WHERE distance_m <= 25.000001 ORDER BY distance_m, id LIMIT 1),
met AS (
    SELECT f.id,
           (SELECT w.id FROM report w WHERE w.violation_location_id = f.id AND report_waiting(w.status)
             ORDER BY w.observed_at, w.id LIMIT 1) AS waiting,
           (SELECT min(p.resolved_at) FROM report p WHERE p.violation_location_id = f.id AND report_cleared(p.status))
               AS first_cleared
      FROM found f),
judged AS (
    SELECT id, waiting AS duplicate_of,
           coalesce((waiting IS NULL AND now() - interval '1 minute' > first_cleared), false) AS repeat_offence
      FROM met),
counted AS (
    UPDATE violation_location l
       SET report_count = l.report_count + 1,
           repeat_count = l.repeat_count + CASE WHEN j.repeat_offence THEN 1 ELSE 0 END,
           first_repeat_at = CASE WHEN j.repeat_offence THEN least(l.first_repeat_at, now() - interval '1 minute')
                             ELSE l.first_repeat_at END,
           first_seen_at = least(l.first_seen_at, now() - interval '1 minute'),
           last_seen_at = greatest(l.last_seen_at, now() - interval '1 minute')
      FROM judged j
     WHERE l.id = j.id
    RETURNING l.id),
started AS (
    INSERT INTO violation_location (id, ward_id, category, lat, lon, zone_id, created_at, report_count,
                                    first_seen_at, last_seen_at)
    SELECT ':rid', 'a1000000-0000-4000-8000-000000000001',
           (ARRAY['SIDEWALK_ENCROACHMENT', 'CONSTRUCTION', 'SANITATION'])[:c], :lat, :lon, NULL, now(), 1,
           now() - interval '1 minute', now() - interval '1 minute'
     WHERE NOT EXISTS (SELECT 1 FROM found)
    RETURNING id)
SELECT j.id AS loc, coalesce(j.duplicate_of::text, '') AS dup, j.repeat_offence AS rep
  FROM judged j JOIN counted c ON c.id = j.id
UNION ALL
SELECT s.id, '', false FROM started s \gset
WITH number AS (
    INSERT INTO report_reference_counter (ward_id, year, last_number)
    VALUES ('a1000000-0000-4000-8000-000000000001', extract(year FROM now())::int, 1)
    ON CONFLICT (ward_id, year) DO UPDATE SET last_number = report_reference_counter.last_number + 1
    RETURNING last_number)
, inserted AS (
INSERT INTO report (reference, id, ward_id, reporter_id, client_report_id, payload_sha256, category, subtype,
                    description, address_text, lat, lon, accuracy_m, observed_at, observed_offset_seconds,
                    received_at, status, zone_id, segment_id, assigned_unit_id, assignment_rule,
                    violation_location_id, duplicate_of, event_count, due_at, flags, inspection_round_id,
                    search_text)
SELECT 'PG-' || lpad(last_number::text, greatest(6, length(last_number::text)), '0'),
       ':rid', 'a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000102', ':cid'::uuid,
       md5(':cid'), (ARRAY['SIDEWALK_ENCROACHMENT', 'CONSTRUCTION', 'SANITATION'])[:c],
       (ARRAY['GOODS_DISPLAY', 'MATERIALS_ON_ROAD', 'LITTERING'])[:c], 'Vi phạm (pgbench)', 'Số 5 Nguyễn Văn Cừ',
       :lat, :lon, 8, now() - interval '1 minute', 25200, now(),
       CASE WHEN ':dup' = '' THEN 'ASSIGNED' ELSE 'DUPLICATE' END, NULL, NULL,
       CASE WHEN ':dup' = '' THEN 'a1000000-0000-4000-8000-000000000201'::uuid END,
       CASE WHEN ':dup' = '' THEN 'CATEGORY' END, ':loc', nullif(':dup', '')::uuid, 2,
       CASE WHEN ':dup' = '' THEN now() + CASE WHEN ':rep'::boolean THEN interval '24 hours' ELSE interval '48 hours' END END,
       CASE WHEN ':rep'::boolean THEN '{REPEAT_OFFENCE}' ELSE '{}' END::text[], NULL,
       'bay hang tren via he so 5 nguyen van cu'
  FROM number
ON CONFLICT (reporter_id, client_report_id) DO NOTHING RETURNING *),
trail AS (
INSERT INTO report_event (report_id, seq, ward_id, at, actor_id, type, from_status, to_status, note, data,
                          prev_hash, hash)
SELECT ':rid'::uuid, 1, 'a1000000-0000-4000-8000-000000000001'::uuid, now(),
        'a1000000-0000-4000-8000-000000000102'::uuid, 'SUBMITTED'::text, NULL::text, 'UNASSIGNED'::text, NULL::text,
        '{"category":"SIDEWALK_ENCROACHMENT","clientReportId":":cid","flags":[],"observedAt":"2026-11-22T09:30:00Z","subtype":"GOODS_DISPLAY"}'::text,
        NULL::text, '9f2c4b1e0d3a5f6e7c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f'::text FROM inserted
UNION ALL
SELECT ':rid'::uuid, 2, 'a1000000-0000-4000-8000-000000000001'::uuid, now(), NULL::uuid, 'ASSIGNED', 'UNASSIGNED',
        'ASSIGNED', NULL,
        '{"rule":"CATEGORY","unitCode":"TTDT","unitId":"a1000000-0000-4000-8000-000000000201","zoneCode":"TDP06"}',
        '9f2c4b1e0d3a5f6e7c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
        '0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d' FROM inserted)
SELECT r.id, r.ward_id, r.reference, r.client_report_id, r.category, r.subtype, r.description, r.address_text,
       r.lat, r.lon, r.accuracy_m, r.observed_at, r.received_at, r.status, r.reporter_id,
       u.display_name AS reporter_name, r.flags, r.inspection_round_id, r.version, r.payload_sha256,
       r.zone_id, z.code AS zone_code, z.name AS zone_name, r.segment_id, sg.code AS segment_code,
       sg.name AS segment_name, r.assigned_unit_id, au.code AS unit_code, au.name AS unit_name, r.assignment_rule,
       r.due_at, r.resolved_at, r.duplicate_of, r.violation_location_id, vl.report_count AS location_reports,
       vl.repeat_count AS location_repeats
  FROM inserted r JOIN app_user u ON u.id = r.reporter_id
  LEFT JOIN zone z ON z.id = r.zone_id LEFT JOIN zone sg ON sg.id = r.segment_id
  LEFT JOIN unit au ON au.id = r.assigned_unit_id
  LEFT JOIN violation_location vl ON vl.id = r.violation_location_id;
COMMIT;
