package vn.urbanorder.province;

import java.time.LocalDate;

/** What an import did: wards created, existing wards changed, features that matched exactly. */
public record WardImportOutcome(int added, int changed, int unchanged, LocalDate effectiveFrom) {}
