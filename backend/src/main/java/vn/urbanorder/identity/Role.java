package vn.urbanorder.identity;

/** What a user may do; a user has one or more. */
public enum Role {
    /** Ward patrol officer: submits reports from a phone. */
    PATROL,
    /** Staff of a responsible unit: handles the unit's reports. */
    UNIT_STAFF,
    /** MTTQ inspector: reads the whole ward, reviews handling, runs inspection rounds. */
    INSPECTOR,
    /** Ward officer in charge: runs zones, units, rules and users. */
    WARD_ADMIN;

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
