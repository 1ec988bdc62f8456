-- One ward whose service area is the square, and :n violation locations spread uniformly over
-- it (seeded, so every run draws the same points), the three categories of V2 in turn.
-- Variables from run.sh: ward, n, seed, lat0, lon0, dlat, dlon.
SELECT setseed(:seed);
INSERT INTO province (code, name) VALUES ('BENCH', 'Bench province') ON CONFLICT (code) DO NOTHING;
INSERT INTO ward (id, province_id, code, name)
SELECT :'ward'::uuid, id, 'BENCH', 'Bench ward' FROM province WHERE code = 'BENCH';
INSERT INTO ward_area (ward_id, valid_from, area)
SELECT :'ward'::uuid, now(), jsonb_build_object('type', 'Polygon', 'coordinates', jsonb_build_array(
         jsonb_build_array(jsonb_build_array(west, south), jsonb_build_array(east, south),
                           jsonb_build_array(east, north), jsonb_build_array(west, north), jsonb_build_array(west, south))))
  FROM (SELECT :lon0 - :dlon AS west, :lon0 + :dlon AS east, :lat0 - :dlat AS south, :lat0 + :dlat AS north) square;
INSERT INTO violation_location (id, ward_id, category, lat, lon, created_at)
SELECT gen_random_uuid(), :'ward'::uuid, (ARRAY['SIDEWALK_ENCROACHMENT', 'CONSTRUCTION', 'SANITATION'])[i % 3 + 1],
       :lat0 + (random() - 0.5) * 2 * :dlat, :lon0 + (random() - 0.5) * 2 * :dlon, now()
  FROM generate_series(1, :n) i;
