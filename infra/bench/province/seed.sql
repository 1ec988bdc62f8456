-- One province of 126 wards (Hà Nội's count since 1 July 2025) holding :reports reports in all over
-- the :months whole months ending with :last_month, with every row the ward and province figures
-- read: wards and their service areas, units, users, maps (zones and segments), rules, inspection
-- rounds, violation locations, and every report's audit trail consistent with its status. The same
-- story per report as infra/bench/stats/seed.sql (read that first), with a ward on every row.
--
-- The wards: the demo ward (GT, Gia Thụy, where the service puts it) and 125 more named after Hà
-- Nội's new wards (phường) and communes (xã), with 5-digit codes in the style of the official ward
-- codes (not the official numbers). Each new ward is a copy of the demo ward's area, map, units,
-- users and rules, moved to its own cell of a 12-column grid around the demo ward (cells 0.018° ×
-- 0.016°, about 1.9 km × 1.8 km), so areas are adjacent and never overlap; real boundaries would be
-- imported from GeoJSON. Ward sizes spread log-evenly over ×10 (the largest, the demo ward, has ten
-- times the reports of the smallest), and each ward's units meet their deadlines more or less often
-- than the demo's (±10 points), so wards rank differently.
--
-- Users of the copies: the demo's with ".<ward code>" after the name (admin.00004, patrol1.00004,
-- ttdt1.00004, ...), password demo-password-1; four more patrol officers per ward (patrol3..6).
-- Seeded (setseed, ids derived from row numbers). Foreign keys are not checked while loading (the
-- rows are consistent by construction) and the secondary indexes of the three large tables are
-- dropped first and built again after, which is much faster than keeping them up row by row.
-- Variables from run.sh: gt (the demo ward's id), province, reports, months, last_month, seed.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- Nothing here needs to survive a crash: the run starts again from an empty database.
SET synchronous_commit = off;
SET work_mem = '256MB';
SET maintenance_work_mem = '512MB';
SET temp_buffers = '1GB';
-- Superuser only: no foreign-key triggers while loading.
SET session_replication_role = replica;
SELECT setseed(:seed);

SELECT (DATE :'last_month' - make_interval(months => :months - 1))::date AS first_month,
       time_zone AS tz FROM ward WHERE id = :'gt' \gset

CREATE FUNCTION pg_temp.iso(timestamptz) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT to_char($1 AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') $$;
CREATE FUNCTION pg_temp.fold(text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT translate(lower($1), 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
                           'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd') $$;
-- GeoJSON coordinates (of any depth) moved by dx, dy degrees.
CREATE FUNCTION pg_temp.shift(g jsonb, dx numeric, dy numeric) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF jsonb_typeof(g -> 0) = 'number' THEN
        RETURN jsonb_build_array((g ->> 0)::numeric + dx, (g ->> 1)::numeric + dy);
    END IF;
    RETURN (SELECT jsonb_agg(pg_temp.shift(e, dx, dy) ORDER BY i) FROM jsonb_array_elements(g) WITH ORDINALITY a (e, i));
END $$;
CREATE FUNCTION pg_temp.moved(geometry jsonb, dx numeric, dy numeric) RETURNS jsonb LANGUAGE sql IMMUTABLE
    AS $$ SELECT jsonb_set(geometry, '{coordinates}', pg_temp.shift(geometry -> 'coordinates', dx, dy)) $$;

-- The wards: k = 0 is the demo ward, 1..50 phường, 51..125 xã. Weight 10^u with u spread evenly
-- over [0, 1] in a shuffled order (53 is prime to 126); the demo ward gets u = 1, the largest.
CREATE TEMP TABLE ward_ AS
WITH list AS (
    SELECT 0::bigint AS k, :'gt'::uuid AS id, 'GT' AS code, NULL::text AS name
    UNION ALL
    SELECT k, md5('province-bench-ward-' || k)::uuid, lpad((4 * k)::text, 5, '0'),
           CASE WHEN k <= 50 THEN 'Phường ' ELSE 'Xã ' END || name
      FROM unnest(ARRAY[
          'Ba Đình', 'Ngọc Hà', 'Giảng Võ', 'Hoàn Kiếm', 'Cửa Nam', 'Phú Thượng', 'Hồng Hà', 'Tây Hồ', 'Việt Hưng',
          'Phúc Lợi', 'Long Biên', 'Cầu Giấy', 'Nghĩa Đô', 'Yên Hòa', 'Ô Chợ Dừa', 'Láng', 'Văn Miếu – Quốc Tử Giám',
          'Kim Liên', 'Đống Đa', 'Hai Bà Trưng', 'Vĩnh Tuy', 'Bạch Mai', 'Vĩnh Hưng', 'Định Công', 'Tương Mai',
          'Lĩnh Nam', 'Hoàng Mai', 'Hoàng Liệt', 'Yên Sở', 'Phương Liệt', 'Khương Đình', 'Thanh Xuân', 'Sơn Tây',
          'Tùng Thiện', 'Hà Đông', 'Dương Nội', 'Yên Nghĩa', 'Phú Lương', 'Kiến Hưng', 'Thanh Liệt', 'Tây Tựu',
          'Phú Diễn', 'Xuân Đỉnh', 'Đông Ngạc', 'Thượng Cát', 'Từ Liêm', 'Xuân Phương', 'Tây Mỗ', 'Đại Mỗ', 'Chương Mỹ',
          'Sóc Sơn', 'Đa Phúc', 'Nội Bài', 'Trung Giã', 'Kim Anh', 'Đông Anh', 'Phúc Thịnh', 'Thư Lâm', 'Thiên Lộc',
          'Vĩnh Thanh', 'Mê Linh', 'Yên Lãng', 'Tiến Thắng', 'Quang Minh', 'Gia Lâm', 'Thuận An', 'Bát Tràng',
          'Phù Đổng', 'Thanh Trì', 'Đại Thanh', 'Nam Phù', 'Ngọc Hồi', 'Thường Tín', 'Hồng Vân', 'Thượng Phúc',
          'Chương Dương', 'Phú Xuyên', 'Phượng Dực', 'Chuyên Mỹ', 'Đại Xuyên', 'Thanh Oai', 'Bình Minh', 'Tam Hưng',
          'Dân Hòa', 'Vân Đình', 'Ứng Thiên', 'Hòa Xá', 'Ứng Hòa', 'Mỹ Đức', 'Hồng Sơn', 'Phúc Sơn', 'Hương Sơn',
          'Phú Nghĩa', 'Xuân Mai', 'Trần Phú', 'Hòa Phú', 'Quảng Bị', 'Minh Châu', 'Quảng Oai', 'Vật Lại', 'Cổ Đô',
          'Bất Bạt', 'Suối Hai', 'Ba Vì', 'Yên Bài', 'Đoài Phương', 'Phúc Thọ', 'Phúc Lộc', 'Hát Môn', 'Thạch Thất',
          'Hạ Bằng', 'Tây Phương', 'Hòa Lạc', 'Yên Xuân', 'Quốc Oai', 'Hưng Đạo', 'Kiều Phú', 'Phú Cát', 'Hoài Đức',
          'Dương Hòa', 'Sơn Đồng', 'An Khánh', 'Đan Phượng', 'Ô Diên', 'Liên Minh']) WITH ORDINALITY AS t (name, k)
), placed AS (
    SELECT l.*, CASE WHEN k = 0 THEN 65 WHEN k - 1 < 65 THEN k - 1 ELSE k END AS cell,
           power(10, ((k * 53 + 125) % 126) / 125.0) AS weight
      FROM list l
)
SELECT p.*, ((cell % 12) - 5) * 0.018 AS dx, ((cell / 12) - 5) * 0.016 AS dy, 0::bigint AS cnt
  FROM placed p;
SELECT count(*) = 126 AS ok FROM ward_ \gset
\if :ok
\else
\echo 'the ward list must have 126 wards'
\quit 3
\endif
UPDATE ward_ SET cnt = floor(:reports * weight / (SELECT sum(weight) FROM ward_));
UPDATE ward_ SET cnt = cnt + (:reports - (SELECT sum(cnt) FROM ward_)) WHERE k = 0;
-- Report rows lo+1..lo+cnt and location rows loc_lo+1..loc_lo+locs are the ward's.
CREATE TEMP TABLE wardn AS
SELECT w.*, (sum(cnt) OVER (ORDER BY k) - cnt)::bigint AS lo, ceil(cnt / 3.0)::bigint AS locs,
       (sum(ceil(cnt / 3.0)) OVER (ORDER BY k) - ceil(cnt / 3.0))::bigint AS loc_lo
  FROM ward_ w;
DROP TABLE ward_;
ALTER TABLE wardn RENAME TO ward_;

-- The demo map has been in force since before the first seeded month.
UPDATE zone SET valid_from = (DATE :'first_month' - 1)::timestamp AT TIME ZONE :'tz'
 WHERE ward_id = :'gt' AND valid_to IS NULL;

INSERT INTO ward (id, province_id, code, name, time_zone, created_at)
SELECT id, :'province', code, name, :'tz', '2025-07-01T00:00:00+07:00' FROM ward_ WHERE k > 0;
INSERT INTO ward_area (ward_id, valid_from, area)
SELECT w.id, a.valid_from, pg_temp.moved(a.area, w.dx, w.dy)
  FROM ward_ w, ward_area a WHERE a.ward_id = :'gt' AND w.k > 0;
INSERT INTO unit (id, ward_id, code, name, kind, contact_phone, active, created_at, updated_at)
SELECT md5('province-bench-unit-' || w.k || '-' || u.code)::uuid, w.id, u.code, u.name, u.kind, u.contact_phone, u.active,
       u.created_at, u.updated_at
  FROM ward_ w, unit u WHERE u.ward_id = :'gt' AND w.k > 0;
INSERT INTO app_user (id, province_id, ward_id, username, display_name, phone, roles, unit_id, password_hash, created_at,
                      updated_at)
SELECT md5('province-bench-user-' || w.k || '-' || u.username)::uuid, u.province_id, w.id,
       u.username || '.' || lower(w.code), u.display_name, u.phone, u.roles,
       CASE WHEN u.unit_id IS NOT NULL
            THEN md5('province-bench-unit-' || w.k || '-' || (SELECT code FROM unit WHERE id = u.unit_id))::uuid END,
       u.password_hash, u.created_at, u.updated_at
  FROM ward_ w, app_user u WHERE u.ward_id = :'gt' AND w.k > 0;
-- Four more patrol officers in every ward (patrol3..6 in the demo ward).
INSERT INTO app_user (id, province_id, ward_id, username, display_name, phone, roles, password_hash, created_at, updated_at)
SELECT md5('province-bench-user-' || w.k || '-patrol' || j)::uuid, :'province', w.id,
       'patrol' || j || CASE WHEN w.k > 0 THEN '.' || lower(w.code) ELSE '' END,
       (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'])[(w.k + j) % 8 + 1] || ' '
         || (ARRAY['Văn An', 'Thị Bình', 'Minh Châu', 'Quốc Dũng', 'Thu Hà', 'Đức Huy', 'Ngọc Lan', 'Hải Long',
                   'Thanh Mai', 'Văn Phúc', 'Thị Quỳnh'])[(w.k * 3 + j) % 11 + 1] || ' (tổ trật tự đô thị)',
       '0912' || lpad((w.k * 10 + j)::text, 6, '0'), ARRAY['PATROL'], p.password_hash, p.created_at, p.created_at
  FROM ward_ w, generate_series(3, 6) j, (SELECT password_hash, created_at FROM app_user WHERE username = 'patrol1') p
ON CONFLICT (username) DO NOTHING;
INSERT INTO assignment_rule (id, ward_id, position, zone_code, segment_code, category, unit_id)
SELECT md5('province-bench-rule-' || w.k || '-' || r.position)::uuid, w.id, r.position, r.zone_code, r.segment_code,
       r.category, nu.id
  FROM ward_ w CROSS JOIN assignment_rule r JOIN unit ou ON ou.id = r.unit_id
  JOIN unit nu ON nu.ward_id = w.id AND nu.code = ou.code
 WHERE r.ward_id = :'gt' AND w.k > 0;
INSERT INTO assignment_version (ward_id, version, changed_at)
SELECT w.id, v.version, v.changed_at FROM ward_ w, assignment_version v WHERE v.ward_id = :'gt' AND w.k > 0;
INSERT INTO deadline_policy (ward_id, calendar, updated_at)
SELECT w.id, p.calendar, p.updated_at FROM ward_ w, deadline_policy p WHERE p.ward_id = :'gt' AND w.k > 0;
INSERT INTO deadline_hours (ward_id, category, hours)
SELECT w.id, h.category, h.hours FROM ward_ w, deadline_hours h WHERE h.ward_id = :'gt' AND w.k > 0;
INSERT INTO location_policy (ward_id, category, radius_m, repeat_deadline_factor)
SELECT w.id, p.category, p.radius_m, p.repeat_deadline_factor FROM ward_ w, location_policy p
 WHERE p.ward_id = :'gt' AND w.k > 0;
INSERT INTO public_holiday (ward_id, day, name)
SELECT w.id, h.day, h.name FROM ward_ w, public_holiday h WHERE h.ward_id = :'gt' AND w.k > 0;
INSERT INTO zone (id, ward_id, code, name, kind, unit_id, buffer_m, geometry, valid_from, valid_to)
SELECT md5('province-bench-zone-' || w.k || '-' || z.id)::uuid, w.id, z.code, z.name, z.kind,
       (SELECT nu.id FROM unit ou JOIN unit nu ON nu.code = ou.code WHERE ou.id = z.unit_id AND nu.ward_id = w.id),
       z.buffer_m, pg_temp.moved(z.geometry, w.dx, w.dy), z.valid_from, z.valid_to
  FROM ward_ w, zone z WHERE z.ward_id = :'gt' AND w.k > 0;
INSERT INTO zone_version (ward_id, version, valid_from, imported_by, imported_name, zones, segments, added, changed, removed)
SELECT w.id, v.version, v.valid_from, md5('province-bench-user-' || w.k || '-admin')::uuid, v.imported_name, v.zones,
       v.segments, v.added, v.changed, v.removed
  FROM ward_ w, zone_version v WHERE v.ward_id = :'gt' AND w.k > 0;

-- Per ward: its patrol officers (numbered, the first most active), admin and inspector, units
-- with the staff member who accepts and resolves, zones with their boxes, segments, and its box.
CREATE TEMP TABLE patrol AS
SELECT w.k, row_number() OVER (PARTITION BY w.k ORDER BY length(u.username), u.username) AS n, u.id
  FROM ward_ w JOIN app_user u ON u.ward_id = w.id AND 'PATROL' = ANY (u.roles);
CREATE INDEX ON patrol (k, n);
SELECT max(n) AS patrols, min(n) AS one FROM patrol \gset
CREATE TEMP TABLE people AS
SELECT w.k, w.id AS ward_id, w.code AS ward_code,
       (SELECT id FROM app_user WHERE ward_id = w.id AND 'WARD_ADMIN' = ANY (roles) ORDER BY username LIMIT 1) AS admin,
       (SELECT id FROM app_user WHERE ward_id = w.id AND 'INSPECTOR' = ANY (roles) ORDER BY username LIMIT 1) AS inspector
  FROM ward_ w;
CREATE TEMP TABLE unit_ AS
SELECT w.k, u.code, u.id, (SELECT min(s.id::text)::uuid FROM app_user s WHERE s.unit_id = u.id) AS staff,
       least(0.99, v.on_time + ((w.k * 29) % 21 - 10) / 100.0) AS on_time
  FROM ward_ w JOIN unit u ON u.ward_id = w.id
  JOIN (VALUES ('TTDT', 0.90), ('DCXD', 0.86), ('VSMT', 0.94), ('CAP', 0.88)) v (code, on_time) ON v.code = u.code;

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

CREATE TEMP TABLE zone_ AS
SELECT w.k, row_number() OVER (PARTITION BY w.k ORDER BY z.code) AS n, z.id, z.code,
       min((pt ->> 0)::float8) AS min_lon, max((pt ->> 0)::float8) AS max_lon,
       min((pt ->> 1)::float8) AS min_lat, max((pt ->> 1)::float8) AS max_lat
  FROM ward_ w JOIN zone z ON z.ward_id = w.id, jsonb_array_elements(z.geometry -> 'coordinates' -> 0) pt
 WHERE z.kind = 'ZONE' AND z.valid_to IS NULL
 GROUP BY w.k, z.id, z.code;
CREATE INDEX ON zone_ (k, n);
CREATE TEMP TABLE segment_ AS
SELECT w.k, row_number() OVER (PARTITION BY w.k ORDER BY z.code) AS n, z.id, z.code,
       regexp_replace(z.name, '^Tuyến phố ', '') AS street, z.geometry -> 'coordinates' AS line
  FROM ward_ w JOIN zone z ON z.ward_id = w.id WHERE z.kind = 'SEGMENT' AND z.valid_to IS NULL;
CREATE INDEX ON segment_ (k, n);
ANALYZE zone_;
ANALYZE segment_;
ANALYZE patrol;
SELECT count(*) AS zone_count FROM zone_ WHERE k = 0 \gset
SELECT count(*) AS segment_count FROM segment_ WHERE k = 0 \gset
CREATE TEMP TABLE box AS
SELECT w.k, min((pt ->> 0)::float8) AS west, max((pt ->> 0)::float8) AS east,
       min((pt ->> 1)::float8) AS south, max((pt ->> 1)::float8) AS north
  FROM ward_ w JOIN ward_area a ON a.ward_id = w.id, jsonb_array_elements(a.area -> 'coordinates' -> 0) pt
 GROUP BY w.k;

-- Three inspection rounds a month in every ward, walked by its inspector and one patrol officer.
CREATE TEMP TABLE round_ AS
SELECT g.k, g.m * 3 + g.rk AS no, md5('province-bench-round-' || g.k || '-' || g.m || '-' || g.rk)::uuid AS id, g.m, g.rk,
       g.started_on, g.started_on + g.days - 1 AS ended_on, p.id AS patrol, g.zones
  FROM (SELECT w.k, m, rk, (DATE :'first_month' + make_interval(months => m))::date + floor(random() * 24)::int AS started_on,
               1 + floor(random() * 4)::int AS days, 1 + floor(random() * :patrols)::int AS patrol_n,
               ARRAY[1 + floor(random() * :zone_count)::int, 1 + floor(random() * :zone_count)::int] AS zones
          FROM ward_ w, generate_series(0, :months - 1) m, generate_series(0, 2) rk) g
  JOIN patrol p ON p.k = g.k AND p.n = g.patrol_n;
CREATE INDEX ON round_ (k, no);
ANALYZE round_;
INSERT INTO inspection_round (id, ward_id, title, started_on, ended_on, zone_codes, member_ids, notes, created_by,
                              created_at)
SELECT r.id, pp.ward_id, 'Kiểm tra trật tự đô thị đợt ' || (r.rk + 1) || ' tháng ' || to_char(r.started_on, 'MM/YYYY'),
       r.started_on, r.ended_on,
       (SELECT array_agg(DISTINCT z.code ORDER BY z.code) FROM zone_ z WHERE z.k = r.k AND z.n = ANY (r.zones)),
       ARRAY[pp.inspector, r.patrol], 'Kiểm tra theo kế hoạch của Ủy ban MTTQ phường', pp.inspector,
       (r.started_on - 3 + time '09:00') AT TIME ZONE :'tz'
  FROM round_ r JOIN people pp USING (k);

-- Violation locations of each ward: a category, a place in a zone or on a segment (40 %), an address.
CREATE TEMP TABLE loc AS
SELECT g.k, g.l, c.code AS category, c.unit, c.hours_min, c.hours_max, c.subtypes, pos.zone_id, s.id AS segment_id,
       s.code AS segment_code, pos.zone_code, pos.lat, pos.lon,
       'Số ' || g.house || ' phố ' || coalesce(s.street, (ARRAY['Nguyễn Văn Cừ', 'Ngọc Lâm', 'Gia Thụy', 'Ngô Gia Tự',
           'Nguyễn Sơn', 'Hoàng Như Tiếp', 'Lâm Du', 'Phú Viên'])[g.street_n]) AS address
  FROM (SELECT w.k, l, random() AS u_cat, random() < 0.4 AS on_segment,
               1 + floor(random() * :segment_count)::int AS segment_n, 1 + floor(random() * :zone_count)::int AS zone_n,
               random() AS a, random() AS b, random() AS along,
               1 + floor(random() * 200)::int AS house, 1 + floor(random() * 8)::int AS street_n
          FROM ward_ w, generate_series(w.loc_lo + 1, w.loc_lo + w.locs) l) g
  JOIN LATERAL (SELECT * FROM cat WHERE cat.below > g.u_cat ORDER BY cat.below LIMIT 1) c ON true
  LEFT JOIN segment_ s ON g.on_segment AND s.k = g.k AND s.n = g.segment_n
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
        WHERE z.k = g.k AND (CASE WHEN on_line.x IS NULL THEN z.n = g.zone_n END OR on_line.x IS NOT NULL)
        ORDER BY (on_line.x BETWEEN z.min_lon AND z.max_lon AND on_line.y BETWEEN z.min_lat AND z.max_lat) DESC,
                 abs(on_line.x - (z.min_lon + z.max_lon) / 2) + abs(on_line.y - (z.min_lat + z.max_lat) / 2), z.n
        LIMIT 1) pos ON true;
CREATE INDEX ON loc (l);
ANALYZE loc;

-- Reports of each ward: month by row number, 06:00-21:00, the ward's locations (the first one
-- each, the rest skewed to hot spots), a reporter of the ward, 5 % found on one of its rounds.
CREATE TEMP TABLE r0 AS
SELECT g.k, g.r, g.m, g.l, rd.id AS round_id,
       date_trunc('second', (coalesce(rd.started_on + floor(g.day * (rd.ended_on - rd.started_on + 1))::int,
                                      month_start + floor(g.day * ((month_start + interval '1 month')::date - month_start))::int)
                             + interval '6 hours' + g.time_of_day * interval '15 hours') AT TIME ZONE :'tz') AS observed_at,
       CASE WHEN rd.id IS NULL THEN p.id WHEN g.who < 0.3 THEN pp.inspector ELSE rd.patrol END AS reporter_id
  FROM (SELECT k, r, m, (DATE :'first_month' + make_interval(months => m))::date AS month_start, l, on_round, rk, day,
               time_of_day, who, patrol_n
          FROM (SELECT w.k, w.lo + i AS r, ((i - 1) % :months)::int AS m,
                       w.loc_lo + CASE WHEN i <= w.locs THEN i ELSE 1 + floor(w.locs * random() ^ 1.5)::bigint END AS l,
                       random() < 0.05 AS on_round, floor(random() * 3)::int AS rk, random() AS day,
                       random() AS time_of_day, random() AS who, 1 + floor(:patrols * random() ^ 1.4)::int AS patrol_n
                  FROM ward_ w, generate_series(1::bigint, w.cnt) i) g0) g
  LEFT JOIN round_ rd ON g.on_round AND rd.k = g.k AND rd.no = g.m * 3 + g.rk
  JOIN patrol p ON p.k = g.k AND p.n = g.patrol_n
  JOIN people pp ON pp.k = g.k;

-- Every report's story, as in infra/bench/stats/seed.sql.
CREATE TEMP TABLE rs AS
WITH anchored AS (
    SELECT r0.*, first_value(r) OVER w AS anchor_r, row_number() OVER w = 1 AS is_anchor
      FROM r0 WINDOW w AS (PARTITION BY l ORDER BY observed_at, r)
), drawn AS (
    SELECT a.*, loc.category, loc.unit AS category_unit, loc.zone_id, loc.zone_code, loc.segment_id, loc.segment_code,
           loc.address, loc.hours_min, loc.hours_max,
           CASE WHEN a.is_anchor THEN loc.lat
                ELSE least(greatest(loc.lat + (random() - 0.5) * 0.00024, b.south), b.north) END AS lat,
           CASE WHEN a.is_anchor THEN loc.lon
                ELSE least(greatest(loc.lon + (random() - 0.5) * 0.00024, b.west), b.east) END AS lon,
           CASE WHEN random() >= 0.03 THEN loc.subtypes[1 + floor(random() * array_length(loc.subtypes, 1))::int] END AS subtype,
           random() AS u_status, random() AS u_kind, random() AS u_repeat, random() AS u_reassign, random() AS u_on_time,
           random() AS u_window, random() AS u_resolve, random() AS u_accept, random() AS u_after, random() AS u_verify,
           date_trunc('second', a.observed_at + (2 + random() * 28) * interval '1 minute') AS received_at,
           3 + random() * 22 AS accuracy_m
      FROM anchored a JOIN loc USING (l) JOIN box b ON b.k = a.k
), decided AS (
    SELECT d.*,
           CASE WHEN NOT is_anchor AND u_status < 0.12 THEN 'DUPLICATE'
                WHEN NOT is_anchor AND u_status < 0.18 THEN 'REJECTED'
                WHEN u_kind < CASE m WHEN :months - 1 THEN 0.25 WHEN :months - 2 THEN 0.08 ELSE 0.015 END
                    THEN (ARRAY['ASSIGNED', 'IN_PROGRESS', 'IN_PROGRESS', 'REOPENED'])[1 + floor(u_verify * 4)::int]
                WHEN u_verify < 0.75 THEN 'VERIFIED'
                ELSE 'RESOLVED' END AS planned,
           NOT is_anchor AND u_status >= 0.18 AND u_repeat < 0.18 AS repeat_offence,
           CASE WHEN segment_id IS NOT NULL THEN 'TTDT' ELSE category_unit END AS unit_at_intake,
           CASE WHEN segment_id IS NOT NULL THEN 'SEGMENT' ELSE 'CATEGORY' END AS rule_at_intake,
           date_trunc('second', received_at + (0.5 + u_reassign * 5) * interval '1 hour') AS reassign_at
      FROM drawn d
), timed AS (
    SELECT d.*, md5('province-bench-report-' || r)::uuid AS id, md5('province-bench-report-' || anchor_r)::uuid AS anchor_id,
           CASE WHEN planned = 'DUPLICATE' OR planned = 'REJECTED' OR reassign_at > now() THEN NULL
                WHEN unit_at_intake <> category_unit AND u_reassign < 0.7 THEN category_unit
                WHEN u_reassign > 0.95 AND unit_at_intake <> 'CAP' THEN 'CAP' END AS reassigned_to,
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
      FROM scheduled s JOIN unit_ u ON u.k = s.k AND u.code = s.unit_code
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
  FROM steps s
 -- In id order, so the audit trails below arrive in the order of their primary key.
 ORDER BY s.id;
DROP TABLE r0;

-- The large tables' secondary indexes go while loading, and are built again after.
CREATE TEMP TABLE dropped_index AS
SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
  FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
 WHERE t.relname IN ('report', 'report_event', 'violation_location') AND t.relnamespace = 'public'::regnamespace
   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid);
SELECT format('DROP INDEX %s', name) FROM dropped_index \gexec
-- So do unique constraints that no foreign key leans on (the report's reference and client id).
CREATE TEMP TABLE dropped_unique AS
SELECT c.conrelid::regclass::text AS tab, c.conname AS name, pg_get_constraintdef(c.oid) AS def
  FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
 WHERE t.relname IN ('report', 'report_event', 'violation_location') AND t.relnamespace = 'public'::regnamespace
   AND c.contype = 'u' AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid);
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', tab, name) FROM dropped_unique \gexec

INSERT INTO violation_location (id, ward_id, category, lat, lon, zone_id, created_at, report_count, repeat_count,
                                first_seen_at, last_seen_at, first_repeat_at)
SELECT min(anchor_id::text)::uuid, min(pp.ward_id::text)::uuid, min(category), min(lat) FILTER (WHERE is_anchor),
       min(lon) FILTER (WHERE is_anchor), min(zone_id::text)::uuid, min(received_at) FILTER (WHERE is_anchor),
       count(*) FILTER (WHERE counted), count(*) FILTER (WHERE counted AND repeat_offence AND report_violation(status)),
       min(observed_at) FILTER (WHERE counted), max(observed_at) FILTER (WHERE counted),
       min(observed_at) FILTER (WHERE counted AND repeat_offence AND report_violation(status))
  FROM (SELECT *, rejection_reason IS DISTINCT FROM 'NOT_A_VIOLATION' AS counted FROM rs) c JOIN people pp USING (k)
 GROUP BY l;

INSERT INTO report (id, ward_id, reference, reporter_id, client_report_id, payload_sha256, category, subtype, description,
                    address_text, lat, lon, accuracy_m, observed_at, observed_offset_seconds, received_at, status, flags,
                    inspection_round_id, search_text, version, zone_id, segment_id, assigned_unit_id, assignment_rule,
                    due_at, resolved_at, rejection_reason, duplicate_of, event_count, violation_location_id)
SELECT rs.id, pp.ward_id,
       pp.ward_code || '-' || y || '-' || lpad(n::text, greatest(6, length(n::text)), '0'),
       reporter_id, md5('province-bench-client-' || r)::uuid, md5('payload-' || r) || md5('sha-' || r), rs.category,
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
               row_number() OVER (PARTITION BY k, extract(year FROM observed_at AT TIME ZONE :'tz') ORDER BY received_at, r) AS n,
               2 + (reassigned_to IS NOT NULL)::int
                 + CASE status WHEN 'REJECTED' THEN 1 WHEN 'IN_PROGRESS' THEN 1 WHEN 'RESOLVED' THEN 2
                               WHEN 'VERIFIED' THEN 3 WHEN 'REOPENED' THEN 3 ELSE 0 END AS event_count
          FROM rs) rs
  JOIN people pp USING (k)
  JOIN txt ON txt.category = rs.category AND txt.subtype = coalesce(rs.subtype, '');

INSERT INTO report_reference_counter (ward_id, year, last_number)
SELECT ward_id, split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int)
  FROM report GROUP BY 1, 2
ON CONFLICT (ward_id, year) DO UPDATE SET last_number = greatest(report_reference_counter.last_number,
                                                                 EXCLUDED.last_number);

-- The audit trails, in report order (rs is sorted by id, the joins keep it; the primary key grows
-- from left to right).
INSERT INTO report_event (report_id, seq, ward_id, at, actor_id, type, from_status, to_status, note, data, prev_hash,
                          hash)
SELECT rs.id, e.seq, rs.ward_id, e.at, e.actor, e.type, e.from_status, e.to_status, e.note, e.data,
       CASE WHEN e.seq > 1 THEN md5(rs.id || ':' || (e.seq - 1)) END, md5(rs.id || ':' || e.seq)
  FROM (SELECT rs.*, pp.ward_id, pp.admin, (reassigned_to IS NOT NULL)::int AS ra, u0.id AS intake_unit_id,
               CASE WHEN reassigned_to IS NULL THEN due_at ELSE received_at + deadline_window END AS intake_due
          FROM rs JOIN people pp USING (k) JOIN unit_ u0 ON u0.k = rs.k AND u0.code = rs.unit_at_intake) rs
 CROSS JOIN LATERAL (VALUES
    (true, 1, received_at, reporter_id, 'SUBMITTED', NULL, 'UNASSIGNED', NULL,
     format('{"category":"%s","clientReportId":"%s","flags":%s,"observedAt":"%s"%s,"violationLocationId":"%s"}',
            category, md5('province-bench-client-' || r)::uuid, CASE WHEN repeat_offence THEN '["REPEAT_OFFENCE"]' ELSE '[]' END,
            pg_temp.iso(observed_at), ',"subtype":"' || subtype || '"', anchor_id)),
    (status = 'DUPLICATE', 2, received_at, NULL, 'DUPLICATE', 'UNASSIGNED', 'DUPLICATE', NULL,
     format('{"duplicateOf":"%s"}', anchor_id)),
    (status <> 'DUPLICATE', 2, received_at, NULL, 'ASSIGNED', 'UNASSIGNED', 'ASSIGNED', NULL,
     format('{"dueAt":"%s","rule":"%s"%s,"unitCode":"%s","unitId":"%s","zoneCode":"%s"}', pg_temp.iso(intake_due),
            rule_at_intake, ',"segmentCode":"' || segment_code || '"', unit_at_intake, intake_unit_id, zone_code)),
    (ra = 1, 3, reassign_at, admin, 'REASSIGN', 'ASSIGNED', 'ASSIGNED', 'Chuyển đơn vị phụ trách theo chức năng',
     format('{"dueAt":"%s","fromUnitId":"%s","rule":"MANUAL","unitId":"%s"}', pg_temp.iso(due_at), intake_unit_id, unit_id)),
    (status = 'REJECTED', 3, reject_at, admin, 'REJECT', 'ASSIGNED', 'REJECTED',
     CASE rejection_reason WHEN 'NOT_A_VIOLATION' THEN 'Kiểm tra thực tế không có vi phạm'
                           WHEN 'DUPLICATE' THEN 'Trùng phản ánh đã tiếp nhận'
                           WHEN 'OUT_OF_AREA' THEN 'Ngoài địa bàn phường' ELSE 'Thông tin không đủ để xử lý' END,
     format('{%s"reason":"%s"}', '"duplicateOf":"' || CASE WHEN rejection_reason = 'DUPLICATE' THEN anchor_id END || '",',
            rejection_reason)),
    (status IN ('IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'REOPENED'), 3 + ra, accept_at, staff, 'ACCEPT', 'ASSIGNED',
     'IN_PROGRESS', NULL, '{}'),
    (status IN ('RESOLVED', 'VERIFIED', 'REOPENED'), 4 + ra, resolve_at, staff, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED',
     'Đã yêu cầu chủ hộ khắc phục, hiện trường đã thông thoáng', format('{"photos":["%s"]}', md5('after-' || r) || md5(r::text))),
    (status = 'VERIFIED', 5 + ra, after_at, admin, 'VERIFY', 'RESOLVED', 'VERIFIED', NULL, '{}'),
    (status = 'REOPENED', 5 + ra, after_at, admin, 'REOPEN', 'RESOLVED', 'REOPENED', 'Kiểm tra lại vẫn còn vi phạm',
     format('{"dueAt":"%s"}', pg_temp.iso(after_at + deadline_window)))
 ) e (applies, seq, at, actor, type, from_status, to_status, note, data)
 WHERE e.applies;

SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', tab, name, def) FROM dropped_unique \gexec
SELECT def FROM dropped_index \gexec
RESET session_replication_role;

-- As autovacuum would have by the time a month is reported on: statistics, and the visibility map.
VACUUM (ANALYZE);
