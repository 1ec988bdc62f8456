-- The SQL one JSON-only submission executes, in the same order, for pgbench to run as the floor:
-- the client-id check; one transaction with the reference number and the insert, and the first
-- two events of the report's audit trail (submitted, assigned); then the read-back after commit. Wards, categories and the assignment (zone, segment, unit) come from the service's
-- memory, so they are not here; the insert names the demo's urban-order team as its unit and no
-- zone (the service also names a zone, one more key check on a small table). The
-- client id comes from one extra round trip (pgbench cannot make a UUID), which flatters the
-- service a little; pgbench uses the simple protocol where R2DBC prepares statements.
SELECT gen_random_uuid() AS cid \gset
SELECT r.id, r.ward_id, r.reference, r.client_report_id, r.category, r.subtype, r.description, r.address_text,
       r.lat, r.lon, r.accuracy_m, r.observed_at, r.received_at, r.status, r.reporter_id,
       u.display_name AS reporter_name, r.flags, r.inspection_round_id, r.version, r.payload_sha256,
       r.zone_id, z.code AS zone_code, z.name AS zone_name, r.segment_id, sg.code AS segment_code,
       sg.name AS segment_name, r.assigned_unit_id, au.code AS unit_code, au.name AS unit_name, r.assignment_rule,
       r.due_at
  FROM report r JOIN app_user u ON u.id = r.reporter_id
  LEFT JOIN zone z ON z.id = r.zone_id LEFT JOIN zone sg ON sg.id = r.segment_id
  LEFT JOIN unit au ON au.id = r.assigned_unit_id
 WHERE r.reporter_id = 'a1000000-0000-4000-8000-000000000102' AND r.client_report_id = ':cid'::uuid;
BEGIN;
WITH number AS (
    INSERT INTO report_reference_counter (ward_id, year, last_number)
    VALUES ('a1000000-0000-4000-8000-000000000001', extract(year FROM now())::int, 1)
    ON CONFLICT (ward_id, year) DO UPDATE SET last_number = report_reference_counter.last_number + 1
    RETURNING last_number)
INSERT INTO report (reference, ward_id, reporter_id, client_report_id, payload_sha256, category, subtype,
                    description, address_text, lat, lon, accuracy_m, observed_at, observed_offset_seconds,
                    received_at, status, zone_id, segment_id, assigned_unit_id, assignment_rule, due_at, flags,
                    inspection_round_id, search_text)
SELECT 'PG-' || lpad(last_number::text, greatest(6, length(last_number::text)), '0'),
       'a1000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000102', ':cid'::uuid, md5(':cid'),
       'SIDEWALK_ENCROACHMENT', 'GOODS_DISPLAY', 'Bày hàng trên vỉa hè (pgbench)', 'Số 5 Nguyễn Văn Cừ', 21.0452,
       105.8853, 8, now() - interval '1 minute', 25200, now(), 'ASSIGNED', NULL, NULL,
       'a1000000-0000-4000-8000-000000000201', 'CATEGORY', now() + interval '48 hours', '{}', NULL,
       'bay hang tren via he so 5 nguyen van cu'
  FROM number
ON CONFLICT (reporter_id, client_report_id) DO NOTHING RETURNING id AS rid \gset
INSERT INTO report_event (report_id, seq, ward_id, at, actor_id, type, from_status, to_status, note, data,
                          prev_hash, hash)
VALUES (':rid', 1, 'a1000000-0000-4000-8000-000000000001', now(), 'a1000000-0000-4000-8000-000000000102',
        'SUBMITTED', NULL, 'UNASSIGNED', NULL,
        '{"category":"SIDEWALK_ENCROACHMENT","clientReportId":":cid","flags":[],"observedAt":"2026-11-22T09:30:00Z","subtype":"GOODS_DISPLAY"}',
        NULL, '9f2c4b1e0d3a5f6e7c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f'),
       (':rid', 2, 'a1000000-0000-4000-8000-000000000001', now(), NULL, 'ASSIGNED', 'UNASSIGNED', 'ASSIGNED', NULL,
        '{"rule":"CATEGORY","unitCode":"TTDT","unitId":"a1000000-0000-4000-8000-000000000201","zoneCode":"TDP06"}',
        '9f2c4b1e0d3a5f6e7c8b9a0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
        '0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b8a9f0e1d');
COMMIT;
SELECT r.id, r.ward_id, r.reference, r.client_report_id, r.category, r.subtype, r.description, r.address_text,
       r.lat, r.lon, r.accuracy_m, r.observed_at, r.received_at, r.status, r.reporter_id,
       u.display_name AS reporter_name, r.flags, r.inspection_round_id, r.version, r.payload_sha256,
       r.zone_id, z.code AS zone_code, z.name AS zone_name, r.segment_id, sg.code AS segment_code,
       sg.name AS segment_name, r.assigned_unit_id, au.code AS unit_code, au.name AS unit_name, r.assignment_rule,
       r.due_at
  FROM report r JOIN app_user u ON u.id = r.reporter_id
  LEFT JOIN zone z ON z.id = r.zone_id LEFT JOIN zone sg ON sg.id = r.segment_id
  LEFT JOIN unit au ON au.id = r.assigned_unit_id
 WHERE r.reporter_id = 'a1000000-0000-4000-8000-000000000102' AND r.client_report_id = ':cid'::uuid;
