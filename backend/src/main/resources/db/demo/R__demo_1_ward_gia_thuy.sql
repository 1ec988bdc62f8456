-- Demo data (profile "demo"): the ward of Gia Thụy, Long Biên, Hà Nội.
-- The service area follows the ward's main streets roughly: Nguyễn Văn Cừ to the south-west,
-- Ngọc Lâm and Ngô Gia Tự to the west and north, Ngọc Thụy and Long Biên boundaries to the east.
INSERT INTO ward (id, code, name, time_zone, service_area) VALUES (
    'a1000000-0000-4000-8000-000000000001',
    'GT',
    'Phường Gia Thụy',
    'Asia/Ho_Chi_Minh',
    '{"type": "Polygon", "coordinates": [[
        [105.8790, 21.0400], [105.8850, 21.0382], [105.8915, 21.0395], [105.8938, 21.0445],
        [105.8925, 21.0500], [105.8870, 21.0523], [105.8805, 21.0510], [105.8778, 21.0460],
        [105.8790, 21.0400]
    ]]}'::jsonb)
ON CONFLICT (code) DO UPDATE
    SET name = EXCLUDED.name,
        time_zone = EXCLUDED.time_zone,
        service_area = EXCLUDED.service_area;
