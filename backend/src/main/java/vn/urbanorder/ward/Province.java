package vn.urbanorder.ward;

import java.util.UUID;

/** A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương): it runs its wards. */
public record Province(UUID id, String code, String name) {}
