-- Public holidays of 2026 for the demo ward (profile "demo"), working days only; check them against
-- the Government's announcement. The working calendar skips them like weekends. A real ward
-- sets its own through PUT /api/v1/deadline-policy.
INSERT INTO public_holiday (ward_id, day, name) VALUES
    ('a1000000-0000-4000-8000-000000000001', '2026-01-01', 'Tết Dương lịch'),
    ('a1000000-0000-4000-8000-000000000001', '2026-02-16', 'Tết Nguyên đán'),
    ('a1000000-0000-4000-8000-000000000001', '2026-02-17', 'Tết Nguyên đán'),
    ('a1000000-0000-4000-8000-000000000001', '2026-02-18', 'Tết Nguyên đán'),
    ('a1000000-0000-4000-8000-000000000001', '2026-02-19', 'Tết Nguyên đán'),
    ('a1000000-0000-4000-8000-000000000001', '2026-02-20', 'Tết Nguyên đán'),
    ('a1000000-0000-4000-8000-000000000001', '2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'),
    ('a1000000-0000-4000-8000-000000000001', '2026-04-30', 'Ngày Giải phóng miền Nam'),
    ('a1000000-0000-4000-8000-000000000001', '2026-05-01', 'Ngày Quốc tế Lao động'),
    ('a1000000-0000-4000-8000-000000000001', '2026-09-01', 'Quốc khánh'),
    ('a1000000-0000-4000-8000-000000000001', '2026-09-02', 'Quốc khánh')
ON CONFLICT (ward_id, day) DO NOTHING;
