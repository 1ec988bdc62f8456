-- Demo users of Phường Gia Thụy (profile "demo" only), all with the password demo-password-1.
-- Never use these outside a trial. Existing accounts are left as they are, so a password an
-- admin changed stays changed.
INSERT INTO app_user (id, province_id, ward_id, username, display_name, phone, roles, password_hash) VALUES
    ('a1000000-0000-4000-8000-000000000101', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'admin',
     'Trần Thị Hương (cán bộ phụ trách)', '0243827001', ARRAY['WARD_ADMIN'],
     '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000102', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'patrol1',
     'Nguyễn Văn Nam (tổ trật tự đô thị)', '0912000101', ARRAY['PATROL'],
     '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000103', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'patrol2',
     'Lê Minh Tuấn (bảo vệ dân phố)', '0912000102', ARRAY['PATROL'],
     '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000104', 'a1000000-0000-4000-8000-000000000000', 'a1000000-0000-4000-8000-000000000001', 'mttq1',
     'Phạm Thị Lan (Ủy ban MTTQ phường)', '0912000103', ARRAY['INSPECTOR'],
     '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi')
ON CONFLICT (username) DO NOTHING;

-- Two officers of the city itself: they see every ward's figures and act in none.
INSERT INTO app_user (id, province_id, ward_id, username, display_name, phone, roles, password_hash) VALUES
    ('a1000000-0000-4000-8000-000000000120', 'a1000000-0000-4000-8000-000000000000', NULL, 'tinh1',
     'Nguyễn Thị Thu (Sở Xây dựng Hà Nội)', '0243826001', ARRAY['PROVINCE_ADMIN'],
     '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi'),
    ('a1000000-0000-4000-8000-000000000121', 'a1000000-0000-4000-8000-000000000000', NULL, 'tinhgs1',
     'Hoàng Văn Bình (Thanh tra thành phố)', '0243826002', ARRAY['PROVINCE_INSPECTOR'],
     '{bcrypt}$2a$10$ti2J6W8aXNUtTV9ItaotU.cfaK3yAgRD0SMU6Xs1MD/BZ2Pc5CDOi')
ON CONFLICT (username) DO NOTHING;
