-- Wards (phường/xã) are the tenants: every other row belongs to exactly one ward.
CREATE TABLE ward (
    id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    code         text        NOT NULL,
    name         text        NOT NULL,
    time_zone    text        NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    -- GeoJSON Polygon or MultiPolygon (RFC 7946, WGS84 lon/lat), checked by the service on write.
    service_area jsonb       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ward_code_unique UNIQUE (code),
    CONSTRAINT ward_code_format CHECK (code ~ '^[A-Z0-9]{1,16}$'),
    CONSTRAINT ward_service_area_is_area
        CHECK (service_area ->> 'type' IN ('Polygon', 'MultiPolygon'))
);
