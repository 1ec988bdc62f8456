-- Violation categories and subtypes. They are national reference data shared by every ward,
-- so unlike tenant tables they carry no ward_id; per-ward deadlines live with the workflow.
CREATE TABLE category (
    code                   text    PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z_]*$'),
    name                   text    NOT NULL,
    default_deadline_hours integer NOT NULL CHECK (default_deadline_hours > 0),
    position               integer NOT NULL
);

CREATE TABLE category_subtype (
    category_code text    NOT NULL REFERENCES category (code),
    code          text    NOT NULL CHECK (code ~ '^[A-Z][A-Z_]*$'),
    name          text    NOT NULL,
    position      integer NOT NULL,
    PRIMARY KEY (category_code, code)
);

INSERT INTO category (code, name, default_deadline_hours, position) VALUES
    ('SIDEWALK_ENCROACHMENT', 'Lấn chiếm vỉa hè, lòng đường', 48, 1),
    ('CONSTRUCTION', 'Trật tự xây dựng', 120, 2),
    ('SANITATION', 'Vệ sinh môi trường', 24, 3);

INSERT INTO category_subtype (category_code, code, name, position) VALUES
    ('SIDEWALK_ENCROACHMENT', 'GOODS_DISPLAY', 'Bày bán, kinh doanh hàng hóa trên vỉa hè, lòng đường', 1),
    ('SIDEWALK_ENCROACHMENT', 'VEHICLE_PARKING', 'Để xe, trông giữ xe trái phép trên vỉa hè, lòng đường', 2),
    ('SIDEWALK_ENCROACHMENT', 'KIOSK_AWNING', 'Dựng lều quán, mái che, mái vẩy, biển quảng cáo lấn chiếm', 3),
    ('SIDEWALK_ENCROACHMENT', 'MATERIALS', 'Để vật liệu, đồ vật lấn chiếm vỉa hè, lòng đường', 4),
    ('SIDEWALK_ENCROACHMENT', 'STREET_VENDING', 'Bán hàng rong, hàng dạo gây cản trở giao thông', 5),
    ('SIDEWALK_ENCROACHMENT', 'OTHER', 'Vi phạm khác về lấn chiếm', 99),
    ('CONSTRUCTION', 'NO_PERMIT', 'Xây dựng không có giấy phép', 1),
    ('CONSTRUCTION', 'NOT_AS_PERMITTED', 'Xây dựng sai nội dung giấy phép', 2),
    ('CONSTRUCTION', 'ENCROACHING', 'Xây dựng lấn chiếm đất công, hành lang giao thông', 3),
    ('CONSTRUCTION', 'UNSAFE_SITE', 'Công trình thi công không bảo đảm an toàn', 4),
    ('CONSTRUCTION', 'MATERIALS_ON_ROAD', 'Tập kết vật liệu, phế thải xây dựng ra lòng đường', 5),
    ('CONSTRUCTION', 'OTHER', 'Vi phạm khác về trật tự xây dựng', 99),
    ('SANITATION', 'ILLEGAL_DUMPING', 'Đổ rác, phế thải không đúng nơi quy định', 1),
    ('SANITATION', 'LITTERING', 'Vứt, xả rác ra đường phố, nơi công cộng', 2),
    ('SANITATION', 'WASTE_WATER', 'Xả nước thải ra đường, nơi công cộng', 3),
    ('SANITATION', 'WASTE_BURNING', 'Đốt rác, chất thải gây ô nhiễm', 4),
    ('SANITATION', 'CONSTRUCTION_WASTE', 'Đổ trộm phế thải xây dựng', 5),
    ('SANITATION', 'OTHER', 'Vi phạm khác về vệ sinh môi trường', 99);
