package vn.urbanorder.identity;

/** What a user may do; a user has one or more, all of a ward's or all of a province's. */
public enum Role {
    /** Ward patrol officer: submits reports from a phone. */
    PATROL,
    /** Staff of a responsible unit: handles the unit's reports. */
    UNIT_STAFF,
    /** MTTQ inspector: reads the whole ward, reviews handling, runs inspection rounds. */
    INSPECTOR,
    /** Ward officer in charge: runs zones, units, rules and users. */
    WARD_ADMIN,
    /** Province officer in charge of the wards: creates them, their areas and first admins; reads their figures. */
    PROVINCE_ADMIN,
    /** Province officer who watches how the wards perform: reads their figures, acts on nothing. */
    PROVINCE_INSPECTOR;

    /** The Spring Security authority that stands for this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** A role of someone who works for the province rather than one of its wards. */
    public boolean ofProvince() {
        return this == PROVINCE_ADMIN || this == PROVINCE_INSPECTOR;
    }
}
