-- Demo units of Phường Gia Thụy (profile "demo" only), one UNIT_STAFF user each (password
-- demo-password-1, never to be used outside a trial), and rules sending each category to its
-- unit. The map (zones and segments) is imported by the service itself (DemoMap), through the
-- same checks as an upload. Existing rows are left as they are, so an admin's changes stay.
INSERT INTO unit (id, ward_id, code, name, kind, contact_phone) VALUES
    ('a1000000-0000-4000-8000-000000000201', 'a1000000-0000-4000-8000-000000000001', 'TTDT',
     'Đội Trật tự đô thị phường', 'URBAN_ORDER_TEAM', '0243827101'),
    ('a1000000-0000-4000-8000-000000000202', 'a1000000-0000-4000-8000-000000000001', 'DCXD',
     'Bộ phận Địa chính – Xây dựng', 'CONSTRUCTION_OFFICE', '0243827102'),
    ('a1000000-0000-4000-8000-000000000203', 'a1000000-0000-4000-8000-000000000001', 'VSMT',
     'Tổ Vệ sinh môi trường', 'SANITATION', '0243827103'),
    ('a1000000-0000-4000-8000-000000000204', 'a1000000-0000-4000-8000-000000000001', 'CAP',
     'Công an phường', 'POLICE', '0243827113')
ON CONFLICT (ward_id, code) DO NOTHING;

INSERT INTO app_user (id, province_id, ward_id, username, display_name, phone, roles, unit_id, password_hash) VALUES
    ('a1000000-0000-4000-8000-000000000105', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'ttdt1',
     'Đỗ Văn Hùng (Đội Trật tự đô thị)', '0912000105', ARRAY['UNIT_STAFF'],
     'a1000000-0000-4000-8000-000000000201', '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000106', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'xaydung1',
     'Vũ Thị Mai (Địa chính – Xây dựng)', '0912000106', ARRAY['UNIT_STAFF'],
     'a1000000-0000-4000-8000-000000000202', '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000107', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'vsmt1',
     'Bùi Văn Long (Tổ Vệ sinh môi trường)', '0912000107', ARRAY['UNIT_STAFF'],
     'a1000000-0000-4000-8000-000000000203', '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000108', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'congan1',
     'Hoàng Minh Đức (Công an phường)', '0912000108', ARRAY['UNIT_STAFF'],
     'a1000000-0000-4000-8000-000000000204', '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi')
ON CONFLICT (username) DO NOTHING;

-- Each category to its unit, and the urban-order team as the ward default. Segments carry their
-- own unit (the urban-order team) in the imported map.
INSERT INTO assignment_rule (ward_id, position, category, unit_id)
SELECT 'a1000000-0000-4000-8000-000000000001', position, category, unit_id::uuid
  FROM (VALUES (1, 'SANITATION', 'a1000000-0000-4000-8000-000000000203'),
               (2, 'CONSTRUCTION', 'a1000000-0000-4000-8000-000000000202'),
               (3, 'SIDEWALK_ENCROACHMENT', 'a1000000-0000-4000-8000-000000000201'),
               (4, NULL, 'a1000000-0000-4000-8000-000000000201')) AS rule (position, category, unit_id)
 WHERE NOT EXISTS (SELECT 1 FROM assignment_rule WHERE ward_id = 'a1000000-0000-4000-8000-000000000001');
