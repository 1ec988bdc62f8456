-- :reports reports of the demo ward spread evenly over the :months whole months ending with
-- :last_month, with the rows the monthly statistics read: their violation locations, inspection
-- rounds, extra patrol officers and every report's audit trail, consistent with its status.
-- Seeded (setseed, and ids derived from row numbers), so a run on the same day draws the same data.
-- Needs the demo ward, users, units and map as the service makes them (run.sh starts it once).
-- Variables from run.sh: ward, reports, months, last_month (YYYY-MM-01), seed.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- Nothing here needs to survive a crash: the run starts again from an empty database.
SET synchronous_commit = off;
SET work_mem = '256MB';
SELECT setseed(:seed);

SELECT time_zone AS tz, (DATE :'last_month' - make_interval(months => :months - 1))::date AS first_month,
       ceil(:reports / 3.0)::int AS locations,
       (SELECT id FROM app_user WHERE username = 'admin') AS admin,
       (SELECT id FROM app_user WHERE username = 'mttq1') AS inspector
  FROM ward WHERE id = :'ward' \gset

-- Instant.toString at whole seconds, as the service writes times into event data.
CREATE FUNCTION pg_temp.iso(timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT to_char($1 AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;
-- SearchText.fold for the letters these texts use: lower case, no diacritics.
CREATE FUNCTION pg_temp.fold(text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT translate(lower($1), 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
                           'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd') $$;

-- The map the service imported today has been in force since before the first seeded month, so
-- the figures of every month find the zones and segments its reports were given.
UPDATE zone SET valid_from = (DATE :'first_month' - 1)::timestamp AT TIME ZONE :'tz'
 WHERE ward_id = :'ward' AND valid_to IS NULL;

-- Twenty more patrol officers (password demo-password-1, as patrol1), so patrol activity has rows.
INSERT INTO app_user (id, province_id, ward_id, username, display_name, phone, roles, password_hash, created_at,
                      updated_at)
SELECT ('a1000000-0000-4000-8000-000000000' || (300 + k))::uuid, p.province_id, p.ward_id, 'patrol' || k,
       (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'])[k % 8 + 1] || ' '
         || (ARRAY['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thu Hà', 'Đức Huy', 'Ngọc Lan', 'Hải Long',
                   'Thanh Mai', 'Văn Phúc', 'Thị Quỳnh'])[k % 11 + 1] || ' (tổ trật tự đô thị)',
       '0912000' || (300 + k), ARRAY['PATROL'], p.password_hash, p.created_at, p.created_at
  FROM app_user p, generate_series(3, 22) k
 WHERE p.username = 'patrol1'
ON CONFLICT (username) DO NOTHING;

CREATE TEMP TABLE patrol AS
SELECT row_number() OVER (ORDER BY length(username), username) AS n, id
  FROM app_user WHERE ward_id = :'ward' AND 'PATROL' = ANY (roles);

-- Units with the staff member who accepts and resolves, and how often each meets its deadlines.
CREATE TEMP TABLE unit_ AS
SELECT u.code, u.id, (SELECT min(s.id::text)::uuid FROM app_user s WHERE s.unit_id = u.id) AS staff, v.on_time
  FROM unit u JOIN (VALUES ('TTDT', 0.90), ('DCXD', 0.86), ('VSMT', 0.94), ('CAP', 0.88)) v (code, on_time) USING (code)
 WHERE u.ward_id = :'ward';

-- Categories: share of locations, the unit the demo rules give them, hours to the deadline, and
-- subtypes repeated by how common they are.
CREATE TEMP TABLE cat (code text, below float8, unit text, hours_min int, hours_max int, subtypes text[]);
INSERT INTO cat VALUES
    ('SIDEWALK_ENCROACHMENT', 0.5, 'TTDT', 48, 72, '{GOODS_DISPLAY,GOODS_DISPLAY,GOODS_DISPLAY,GOODS_DISPLAY,VEHICLE_PARKING,
      VEHICLE_PARKING,VEHICLE_PARKING,KIOSK_AWNING,KIOSK_AWNING,MATERIALS,STREET_VENDING,STREET_VENDING,OTHER}'),
    ('SANITATION', 0.8, 'VSMT', 24, 48, '{ILLEGAL_DUMPING,ILLEGAL_DUMPING,ILLEGAL_DUMPING,LITTERING,LITTERING,WASTE_WATER,
      WASTE_BURNING,CONSTRUCTION_WASTE,CONSTRUCTION_WASTE,OTHER}'),
    ('CONSTRUCTION', 1.0, 'DCXD', 96, 120, '{NO_PERMIT,NO_PERMIT,NOT_AS_PERMITTED,ENCROACHING,UNSAFE_SITE,
      MATERIALS_ON_ROAD,MATERIALS_ON_ROAD,MATERIALS_ON_ROAD,OTHER}');

CREATE TEMP TABLE txt (category text, subtype text, description text);
INSERT INTO txt VALUES
    ('SIDEWALK_ENCROACHMENT', 'GOODS_DISPLAY', 'Bày bán hoa quả, hàng tạp hóa chiếm hết vỉa hè'),
    ('SIDEWALK_ENCROACHMENT', 'VEHICLE_PARKING', 'Trông giữ xe máy trái phép trên vỉa hè'),
    ('SIDEWALK_ENCROACHMENT', 'KIOSK_AWNING', 'Dựng mái che, biển quảng cáo lấn ra lòng đường'),
    ('SIDEWALK_ENCROACHMENT', 'MATERIALS', 'Để vật liệu, đồ đạc chắn lối đi trên vỉa hè'),
    ('SIDEWALK_ENCROACHMENT', 'STREET_VENDING', 'Bán hàng rong gây ùn tắc giờ tan tầm'),
    ('SIDEWALK_ENCROACHMENT', 'OTHER', 'Lấn chiếm vỉa hè làm nơi sửa chữa xe máy'),
    ('SIDEWALK_ENCROACHMENT', '', 'Lấn chiếm vỉa hè, lòng đường'),
    ('CONSTRUCTION', 'NO_PERMIT', 'Cơi nới tầng 4 không có giấy phép xây dựng'),
    ('CONSTRUCTION', 'NOT_AS_PERMITTED', 'Xây vượt số tầng ghi trong giấy phép'),
    ('CONSTRUCTION', 'ENCROACHING', 'Xây tường rào lấn ra hành lang giao thông'),
    ('CONSTRUCTION', 'UNSAFE_SITE', 'Công trình không che chắn, vật liệu rơi xuống đường'),
    ('CONSTRUCTION', 'MATERIALS_ON_ROAD', 'Tập kết cát, gạch xây dựng xuống lòng đường'),
    ('CONSTRUCTION', 'OTHER', 'Thi công ngoài giờ quy định gây ồn'),
    ('CONSTRUCTION', '', 'Vi phạm trật tự xây dựng'),
    ('SANITATION', 'ILLEGAL_DUMPING', 'Đổ rác thải sinh hoạt không đúng giờ, đúng nơi quy định'),
    ('SANITATION', 'LITTERING', 'Vứt rác bừa bãi ra vỉa hè, gốc cây'),
    ('SANITATION', 'WASTE_WATER', 'Xả nước thải rửa xe ra đường'),
    ('SANITATION', 'WASTE_BURNING', 'Đốt rác, lá cây gây khói bụi'),
    ('SANITATION', 'CONSTRUCTION_WASTE', 'Đổ trộm phế thải xây dựng ở chân cột điện'),
    ('SANITATION', 'OTHER', 'Để rác tồn đọng lâu ngày gây mùi'),
    ('SANITATION', '', 'Vi phạm vệ sinh môi trường');

-- The current zones with their bounding boxes (the demo's are Polygons), and segments with their lines.
CREATE TEMP TABLE zone_ AS
SELECT row_number() OVER (ORDER BY z.code) AS n, z.id, z.code,
       min((pt ->> 0)::float8) AS min_lon, max((pt ->> 0)::float8) AS max_lon,
       min((pt ->> 1)::float8) AS min_lat, max((pt ->> 1)::float8) AS max_lat
  FROM zone z, jsonb_array_elements(z.geometry -> 'coordinates' -> 0) pt
 WHERE z.ward_id = :'ward' AND z.kind = 'ZONE' AND z.valid_to IS NULL
 GROUP BY z.id, z.code;
CREATE TEMP TABLE segment_ AS
SELECT row_number() OVER (ORDER BY code) AS n, id, code, regexp_replace(name, '^Tuyến phố ', '') AS street,
       geometry -> 'coordinates' AS line
  FROM zone WHERE ward_id = :'ward' AND kind = 'SEGMENT' AND valid_to IS NULL;
SELECT count(*) AS zone_count FROM zone_ \gset
SELECT count(*) AS segment_count FROM segment_ \gset
-- Reports near a location at the ward's edge stay inside the ward's box.
SELECT min((pt ->> 0)::float8) AS west, max((pt ->> 0)::float8) AS east,
       min((pt ->> 1)::float8) AS south, max((pt ->> 1)::float8) AS north
  FROM ward_area, jsonb_array_elements(area -> 'coordinates' -> 0) pt WHERE ward_id = :'ward' \gset

-- Three inspection rounds a month, of one to four days, walked by mttq1 and one patrol officer.
CREATE TEMP TABLE round_ AS
SELECT m * 3 + k AS no, md5('stats-bench-round-' || m || '-' || k)::uuid AS id, m, k, started_on,
       started_on + days - 1 AS ended_on, p.id AS patrol, zones
  FROM (SELECT m, k, (DATE :'first_month' + make_interval(months => m))::date + floor(random() * 24)::int AS started_on,
               1 + floor(random() * 4)::int AS days, 1 + floor(random() * 22)::int AS patrol_n,
               ARRAY[1 + floor(random() * :zone_count)::int, 1 + floor(random() * :zone_count)::int] AS zones
          FROM generate_series(0, :months - 1) m, generate_series(0, 2) k) g
  JOIN patrol p ON p.n = g.patrol_n;
INSERT INTO inspection_round (id, ward_id, title, started_on, ended_on, zone_codes, member_ids, notes, created_by,
                              created_at)
SELECT r.id, :'ward', 'Kiểm tra trật tự đô thị đợt ' || (r.k + 1) || ' tháng ' || to_char(r.started_on, 'MM/YYYY'),
       r.started_on, r.ended_on, (SELECT array_agg(DISTINCT z.code ORDER BY z.code) FROM zone_ z WHERE z.n = ANY (r.zones)),
       ARRAY[:'inspector'::uuid, r.patrol], 'Kiểm tra theo kế hoạch của Ủy ban MTTQ phường', :'inspector',
       (r.started_on - 3 + time '09:00') AT TIME ZONE :'tz'
  FROM round_ r;

-- Violation locations before their reports: a category, a place in a zone or on a segment
-- (40 %), and an address. Each report below joins one; hot spots get many.
CREATE TEMP TABLE loc AS
SELECT g.l, c.code AS category, c.unit, c.hours_min, c.hours_max, c.subtypes, pos.zone_id, s.id AS segment_id,
       s.code AS segment_code, pos.zone_code, pos.lat, pos.lon,
       'Số ' || g.house || ' phố ' || coalesce(s.street, (ARRAY['Nguyễn Văn Cừ', 'Ngọc Lâm', 'Gia Thụy', 'Ngô Gia Tự',
           'Nguyễn Sơn', 'Hoàng Như Tiếp', 'Lâm Du', 'Phú Viên'])[g.street_n]) AS address
  FROM (SELECT l, random() AS u_cat, random() < 0.4 AS on_segment, 1 + floor(random() * :segment_count)::int AS segment_n,
               1 + floor(random() * :zone_count)::int AS zone_n, random() AS a, random() AS b, random() AS along,
               1 + floor(random() * 200)::int AS house, 1 + floor(random() * 8)::int AS street_n
          FROM generate_series(1, :locations) l) g
  JOIN LATERAL (SELECT * FROM cat WHERE cat.below > g.u_cat ORDER BY cat.below LIMIT 1) c ON true
  LEFT JOIN segment_ s ON g.on_segment AND s.n = g.segment_n
  -- On a segment: a point along one of its pieces, up to ~10 m off the line, in the zone whose
  -- box holds it. Elsewhere: a point in a zone's box.
  LEFT JOIN LATERAL (
       SELECT x, y FROM (SELECT floor(g.a * (jsonb_array_length(s.line) - 1))::int AS i) piece,
              LATERAL (SELECT (s.line -> i ->> 0)::float8 * (1 - g.along) + (s.line -> (i + 1) ->> 0)::float8 * g.along
                                + (g.b - 0.5) * 0.0002 AS x,
                              (s.line -> i ->> 1)::float8 * (1 - g.along) + (s.line -> (i + 1) ->> 1)::float8 * g.along
                                + (g.b - 0.5) * 0.0002 AS y) p) on_line ON true
  JOIN LATERAL (
       SELECT z.id AS zone_id, z.code AS zone_code,
              coalesce(on_line.y, z.min_lat + g.b * (z.max_lat - z.min_lat)) AS lat,
              coalesce(on_line.x, z.min_lon + g.a * (z.max_lon - z.min_lon)) AS lon
         FROM zone_ z
        WHERE CASE WHEN on_line.x IS NULL THEN z.n = g.zone_n END
           OR on_line.x IS NOT NULL
        ORDER BY (on_line.x BETWEEN z.min_lon AND z.max_lon AND on_line.y BETWEEN z.min_lat AND z.max_lat) DESC,
                 abs(on_line.x - (z.min_lon + z.max_lon) / 2) + abs(on_line.y - (z.min_lat + z.max_lat) / 2), z.n
        LIMIT 1) pos ON true;

-- Reports: month by row number (so every month gets its share), a time of day between 06:00 and
-- 21:00, a location (the first :locations rows one each, the rest skewed towards hot spots), a
-- reporter (the first patrols most active), 5 % found on one of the month's rounds by a member.
CREATE TEMP TABLE r0 AS
SELECT g.r, g.m, g.l, rd.id AS round_id,
       date_trunc('second', (coalesce(rd.started_on + floor(g.day * (rd.ended_on - rd.started_on + 1))::int,
                                      month_start + floor(g.day * ((month_start + interval '1 month')::date - month_start))::int)
                             + interval '6 hours' + g.time_of_day * interval '15 hours') AT TIME ZONE :'tz') AS observed_at,
       CASE WHEN rd.id IS NULL THEN p.id WHEN g.who < 0.3 THEN :'inspector'::uuid ELSE rd.patrol END AS reporter_id
  FROM (SELECT r, m, (DATE :'first_month' + make_interval(months => m))::date AS month_start, l, on_round, k, day,
               time_of_day, who, patrol_n
          FROM (SELECT r, (r - 1) % :months AS m,
                       CASE WHEN r <= :locations THEN r ELSE 1 + floor(:locations * random() ^ 1.5)::int END AS l,
                       random() < 0.05 AS on_round, floor(random() * 3)::int AS k, random() AS day,
                       random() AS time_of_day, random() AS who, 1 + floor(22 * random() ^ 1.4)::int AS patrol_n
                  FROM generate_series(1, :reports) r) g0) g
  LEFT JOIN round_ rd ON g.on_round AND rd.no = g.m * 3 + g.k
  JOIN patrol p ON p.n = g.patrol_n;

-- Every report's story. The first report at a location (its anchor) is never a duplicate nor
-- rejected; of the others 12 % are duplicates of the anchor, 6 % rejected and 18 % of the rest
-- repeat offences. Handled reports are resolved, mostly before their deadline, and verified;
-- a share of the last two months' is still open, and nothing happens after now.
CREATE TEMP TABLE rs AS
WITH anchored AS (
    SELECT r0.*, first_value(r) OVER w AS anchor_r, row_number() OVER w = 1 AS is_anchor
      FROM r0 WINDOW w AS (PARTITION BY l ORDER BY observed_at, r)
), drawn AS (
    SELECT a.*, loc.category, loc.unit AS category_unit, loc.zone_id, loc.zone_code, loc.segment_id, loc.segment_code,
           loc.address, loc.hours_min, loc.hours_max,
           CASE WHEN a.is_anchor THEN loc.lat
                ELSE least(greatest(loc.lat + (random() - 0.5) * 0.00024, :south), :north) END AS lat,
           CASE WHEN a.is_anchor THEN loc.lon
                ELSE least(greatest(loc.lon + (random() - 0.5) * 0.00024, :west), :east) END AS lon,
           CASE WHEN random() >= 0.03 THEN loc.subtypes[1 + floor(random() * array_length(loc.subtypes, 1))::int] END AS subtype,
           random() AS u_status, random() AS u_kind, random() AS u_repeat, random() AS u_reassign, random() AS u_on_time,
           random() AS u_window, random() AS u_resolve, random() AS u_accept, random() AS u_after, random() AS u_verify,
           date_trunc('second', a.observed_at + (2 + random() * 28) * interval '1 minute') AS received_at,
           3 + random() * 22 AS accuracy_m
      FROM anchored a JOIN loc USING (l)
), decided AS (
    SELECT d.*,
           CASE WHEN NOT is_anchor AND u_status < 0.12 THEN 'DUPLICATE'
                WHEN NOT is_anchor AND u_status < 0.18 THEN 'REJECTED'
                -- Still open: a quarter of last month, 8 % of the month before, a few older.
                WHEN u_kind < CASE m WHEN :months - 1 THEN 0.25 WHEN :months - 2 THEN 0.08 ELSE 0.015 END
                    THEN (ARRAY['ASSIGNED', 'IN_PROGRESS', 'IN_PROGRESS', 'REOPENED'])[1 + floor(u_verify * 4)::int]
                WHEN u_verify < 0.75 THEN 'VERIFIED'
                ELSE 'RESOLVED' END AS planned,
           NOT is_anchor AND u_status >= 0.18 AND u_repeat < 0.18 AS repeat_offence,
           -- The demo rules: a segment's own unit (TTDT), else the category's.
           CASE WHEN segment_id IS NOT NULL THEN 'TTDT' ELSE category_unit END AS unit_at_intake,
           CASE WHEN segment_id IS NOT NULL THEN 'SEGMENT' ELSE 'CATEGORY' END AS rule_at_intake,
           date_trunc('second', received_at + (0.5 + u_reassign * 5) * interval '1 hour') AS reassign_at
      FROM drawn d
), timed AS (
    SELECT d.*, md5('stats-bench-report-' || r)::uuid AS id, md5('stats-bench-report-' || anchor_r)::uuid AS anchor_id,
           -- The admin sends construction and sanitation found on a segment to their unit, and a few to the police.
           CASE WHEN planned = 'DUPLICATE' OR planned = 'REJECTED' OR reassign_at > now() THEN NULL
                WHEN unit_at_intake <> category_unit AND u_reassign < 0.7 THEN category_unit
                WHEN u_reassign > 0.95 AND unit_at_intake <> 'CAP' THEN 'CAP' END AS reassigned_to,
           -- Repeat offences get half the time, as the default location policy gives them.
           make_interval(secs => round((hours_min + u_window * (hours_max - hours_min)) * 3600
                                       * CASE WHEN repeat_offence THEN 0.5 ELSE 1 END)) AS deadline_window,
           date_trunc('second', received_at + (0.5 + u_after * 23.5) * interval '1 hour') AS reject_at
      FROM decided d
), scheduled AS (
    SELECT t.*, coalesce(reassigned_to, unit_at_intake) AS unit_code,
           CASE WHEN reassigned_to IS NULL THEN received_at ELSE reassign_at END AS handed_at
      FROM timed t
), resolved AS (
    SELECT s.*, handed_at + deadline_window AS due_at,
           date_trunc('second', CASE WHEN u_on_time < u.on_time THEN handed_at + deadline_window * (0.1 + 0.85 * u_resolve)
                                     ELSE handed_at + deadline_window + (1 + u_resolve * 71) * interval '1 hour' END) AS resolve_at,
           u.id AS unit_id, u.staff
      FROM scheduled s JOIN unit_ u ON u.code = s.unit_code
), steps AS (
    SELECT r.*, date_trunc('second', handed_at + (resolve_at - handed_at) * (0.05 + 0.3 * u_accept)) AS accept_at,
           date_trunc('second', resolve_at + (2 + u_after * 46) * interval '1 hour') AS after_at
      FROM resolved r
)
SELECT s.*,
       CASE WHEN planned = 'DUPLICATE' THEN 'DUPLICATE'
            WHEN planned = 'REJECTED' AND reject_at <= now() THEN 'REJECTED'
            WHEN planned IN ('ASSIGNED', 'REJECTED') OR accept_at > now() THEN 'ASSIGNED'
            WHEN planned = 'IN_PROGRESS' OR resolve_at > now() THEN 'IN_PROGRESS'
            WHEN planned IN ('REOPENED', 'VERIFIED') AND after_at <= now() THEN planned
            ELSE 'RESOLVED' END AS status,
       CASE WHEN planned = 'REJECTED' AND reject_at <= now() THEN (ARRAY['NOT_A_VIOLATION', 'NOT_A_VIOLATION', 'NOT_A_VIOLATION', 'DUPLICATE',
           'OUT_OF_AREA', 'OTHER'])[1 + floor(u_kind * 6)::int] END AS rejection_reason
  FROM steps s;

-- A location is named after the report that started it and counts its reports as LocationStore
-- would (not those rejected as no violation); first_repeat_at is its first repeat offence.
INSERT INTO violation_location (id, ward_id, category, lat, lon, zone_id, created_at, report_count, repeat_count,
                                first_seen_at, last_seen_at, first_repeat_at)
SELECT min(anchor_id::text)::uuid, :'ward', min(category), min(lat) FILTER (WHERE is_anchor),
       min(lon) FILTER (WHERE is_anchor), min(zone_id::text)::uuid, min(received_at) FILTER (WHERE is_anchor),
       count(*) FILTER (WHERE counted), count(*) FILTER (WHERE counted AND repeat_offence AND report_violation(status)),
       min(observed_at) FILTER (WHERE counted), max(observed_at) FILTER (WHERE counted),
       min(observed_at) FILTER (WHERE counted AND repeat_offence AND report_violation(status))
  FROM (SELECT *, rejection_reason IS DISTINCT FROM 'NOT_A_VIOLATION' AS counted FROM rs) c
 GROUP BY l;

INSERT INTO report (id, ward_id, reference, reporter_id, client_report_id, payload_sha256, category, subtype, description,
                    address_text, lat, lon, accuracy_m, observed_at, observed_offset_seconds, received_at, status, flags,
                    inspection_round_id, search_text, version, zone_id, segment_id, assigned_unit_id, assignment_rule,
                    due_at, resolved_at, rejection_reason, duplicate_of, event_count, violation_location_id)
SELECT rs.id, :'ward',
       'GT-' || y || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
       reporter_id, md5('stats-bench-client-' || r)::uuid, md5('payload-' || r) || md5('sha-' || r), rs.category,
       rs.subtype, txt.description, address, lat, lon, accuracy_m, observed_at, 25200, received_at, status,
       CASE WHEN repeat_offence THEN '{REPEAT_OFFENCE}' ELSE '{}' END::text[], round_id,
       pg_temp.fold(txt.description || ' ' || address), event_count - 1, zone_id, segment_id,
       CASE WHEN status <> 'DUPLICATE' THEN unit_id END,
       CASE WHEN status = 'DUPLICATE' THEN NULL WHEN reassigned_to IS NOT NULL THEN 'MANUAL' ELSE rule_at_intake END,
       CASE WHEN status = 'REOPENED' THEN after_at + deadline_window WHEN status <> 'DUPLICATE' THEN due_at END,
       CASE WHEN report_cleared(status) THEN resolve_at END, rejection_reason,
       CASE WHEN status = 'DUPLICATE' OR rejection_reason = 'DUPLICATE' THEN anchor_id END, event_count,
       CASE WHEN rejection_reason IS DISTINCT FROM 'NOT_A_VIOLATION' THEN anchor_id END
  FROM (SELECT rs.*, extract(year FROM observed_at AT TIME ZONE :'tz')::int AS y,
               row_number() OVER (PARTITION BY extract(year FROM observed_at AT TIME ZONE :'tz') ORDER BY received_at, r) AS n,
               -- Submission and assignment (or duplicate), then each step the status implies.
               2 + (reassigned_to IS NOT NULL)::int
                 + CASE status WHEN 'REJECTED' THEN 1 WHEN 'IN_PROGRESS' THEN 1 WHEN 'RESOLVED' THEN 2
                               WHEN 'VERIFIED' THEN 3 WHEN 'REOPENED' THEN 3 ELSE 0 END AS event_count
          FROM rs) rs
  JOIN txt ON txt.category = rs.category AND txt.subtype = coalesce(rs.subtype, '');

-- The intake numbers the next report of each year after the seeded ones.
INSERT INTO report_reference_counter (ward_id, year, last_number)
SELECT :'ward', split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int)
  FROM report WHERE ward_id = :'ward' GROUP BY 2
ON CONFLICT (ward_id, year) DO UPDATE SET last_number = greatest(report_reference_counter.last_number,
                                                                 EXCLUDED.last_number);

-- The audit trails, as IntakeEvents and Handling write them (types, statuses, data keys sorted,
-- nulls left out). The hashes only chain (seq 1 has no prev_hash); they are not the service's.
INSERT INTO report_event (report_id, seq, ward_id, at, actor_id, type, from_status, to_status, note, data, prev_hash,
                          hash)
SELECT rs.id, e.seq, :'ward', e.at, e.actor, e.type, e.from_status, e.to_status, e.note, e.data,
       CASE WHEN e.seq > 1 THEN md5(rs.id || ':' || (e.seq - 1)) END, md5(rs.id || ':' || e.seq)
  FROM (SELECT rs.*, (reassigned_to IS NOT NULL)::int AS ra, u0.id AS intake_unit_id,
               CASE WHEN reassigned_to IS NULL THEN due_at ELSE received_at + deadline_window END AS intake_due
          FROM rs JOIN unit_ u0 ON u0.code = rs.unit_at_intake) rs
 CROSS JOIN LATERAL (VALUES
    (true, 1, received_at, reporter_id, 'SUBMITTED', NULL, 'UNASSIGNED', NULL,
     format('{"category":"%s","clientReportId":"%s","flags":%s,"observedAt":"%s"%s,"violationLocationId":"%s"}',
            category, md5('stats-bench-client-' || r)::uuid, CASE WHEN repeat_offence THEN '["REPEAT_OFFENCE"]' ELSE '[]' END,
            pg_temp.iso(observed_at), ',"subtype":"' || subtype || '"', anchor_id)),
    (status = 'DUPLICATE', 2, received_at, NULL, 'DUPLICATE', 'UNASSIGNED', 'DUPLICATE', NULL,
     format('{"duplicateOf":"%s"}', anchor_id)),
    (status <> 'DUPLICATE', 2, received_at, NULL, 'ASSIGNED', 'UNASSIGNED', 'ASSIGNED', NULL,
     format('{"dueAt":"%s","rule":"%s"%s,"unitCode":"%s","unitId":"%s","zoneCode":"%s"}', pg_temp.iso(intake_due),
            rule_at_intake, ',"segmentCode":"' || segment_code || '"', unit_at_intake, intake_unit_id, zone_code)),
    (ra = 1, 3, reassign_at, :'admin'::uuid, 'REASSIGN', 'ASSIGNED', 'ASSIGNED', 'Chuyển đơn vị phụ trách theo chức năng',
     format('{"dueAt":"%s","fromUnitId":"%s","rule":"MANUAL","unitId":"%s"}', pg_temp.iso(due_at), intake_unit_id, unit_id)),
    (status = 'REJECTED', 3, reject_at, :'admin'::uuid, 'REJECT', 'ASSIGNED', 'REJECTED',
     CASE rejection_reason WHEN 'NOT_A_VIOLATION' THEN 'Kiểm tra thực tế không có vi phạm'
                           WHEN 'DUPLICATE' THEN 'Trùng phản ánh đã tiếp nhận'
                           WHEN 'OUT_OF_AREA' THEN 'Ngoài địa bàn phường' ELSE 'Thông tin không đủ để xử lý' END,
     format('{%s"reason":"%s"}', '"duplicateOf":"' || CASE WHEN rejection_reason = 'DUPLICATE' THEN anchor_id END || '",',
            rejection_reason)),
    (status IN ('IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'REOPENED'), 3 + ra, accept_at, staff, 'ACCEPT', 'ASSIGNED',
     'IN_PROGRESS', NULL, '{}'),
    (status IN ('RESOLVED', 'VERIFIED', 'REOPENED'), 4 + ra, resolve_at, staff, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED',
     'Đã yêu cầu chủ hộ khắc phục, hiện trường đã thông thoáng', format('{"photos":["%s"]}', md5('after-' || r) || md5(r::text))),
    (status = 'VERIFIED', 5 + ra, after_at, :'admin'::uuid, 'VERIFY', 'RESOLVED', 'VERIFIED', NULL, '{}'),
    (status = 'REOPENED', 5 + ra, after_at, :'admin'::uuid, 'REOPEN', 'RESOLVED', 'REOPENED', 'Kiểm tra lại vẫn còn vi phạm',
     format('{"dueAt":"%s"}', pg_temp.iso(after_at + deadline_window)))
 ) e (applies, seq, at, actor, type, from_status, to_status, note, data)
 WHERE e.applies;

-- As autovacuum would have by the time a month is reported on: statistics, and the visibility map
-- that lets index-only scans skip the heap.
VACUUM (ANALYZE);
