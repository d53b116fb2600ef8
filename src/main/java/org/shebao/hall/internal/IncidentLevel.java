package org.shebao.hall.internal;

/** Who holds an incident report and must acknowledge it: the city's agency, the province's department, the ministry. */
public enum IncidentLevel {
    CITY, PROVINCE, NATIONAL;

    /** The level above, or null at the top. */
    public IncidentLevel up() {
        return this == NATIONAL ? null : values()[ordinal() + 1];
    }
}
