-- Demo data (profile "demo"): Hà Nội, and its ward of Gia Thụy (Long Biên).
INSERT INTO province (id, code, name) VALUES ('a1000000-0000-4000-8000-000000000000', '01', 'Thành phố Hà Nội')
ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name;

INSERT INTO ward (id, province_id, code, name, time_zone) VALUES (
    'a1000000-0000-4000-8000-000000000001',
    (SELECT id FROM province WHERE code = '01'),
    'GT',
    'Phường Gia Thụy',
    'Asia/Ho_Chi_Minh')
ON CONFLICT (code) DO UPDATE
    SET name = EXCLUDED.name,
        time_zone = EXCLUDED.time_zone,
        province_id = EXCLUDED.province_id;

-- The service area follows the ward's main streets roughly: Nguyễn Văn Cừ to the south-west,
-- Ngọc Lâm and Ngô Gia Tự to the west and north, Ngọc Thụy and Long Biên boundaries to the east.
-- It holds from 1 July 2025, when the wards of the two-level local government came into being.
INSERT INTO ward_area (ward_id, valid_from, area) VALUES (
    'a1000000-0000-4000-8000-000000000001',
    '2025-07-01T00:00:00+07:00',
    '{"type": "Polygon", "coordinates": [[
        [105.8790, 21.0400], [105.8850, 21.0382], [105.8915, 21.0395], [105.8938, 21.0445],
        [105.8925, 21.0500], [105.8870, 21.0523], [105.8805, 21.0510], [105.8778, 21.0460],
        [105.8790, 21.0400]
    ]]}'::jsonb)
ON CONFLICT (ward_id, valid_from) DO UPDATE SET area = EXCLUDED.area;
