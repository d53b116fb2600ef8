package org.shebao.identity;

/** The roles of the platform. Staff roles are scoped to a region; portal roles to their own records. */
public enum Role {
    CLERK, REVIEWER, FINANCE, AUDITOR, HALL_MANAGER,
    /** The system administrator (policy, emergencies, operations). */
    ADMIN,
    /** The security administrator: users and their roles (等保: separate from the other two duties). */
    SECURITY_ADMIN,
    /** The audit administrator: reads the operation log. */
    AUDIT_ADMIN,
    /**
     * The administrative department's work-injury recognition (人社行政部门 工伤认定): accepts and decides recognition
     * applications of its region, on screen or through its system's API (SX-2); not a role of the agency itself.
     */
    INJURY_RECOGNITION,
    /** The publicity clerk (宣传): writes targeted notices and sends them to an audience by rule (N-6, FJ-7). */
    PUBLICITY,
    INSURED_PERSON, EMPLOYER,
    /**
     * An agreement medical institution's user (协议医疗机构经办人, SX-1b): submits its institution's monthly
     * work-injury bills and reads its statements; not agency staff, sees nothing else.
     */
    HOSPITAL;

    public boolean isStaff() {
        return this != INSURED_PERSON && this != EMPLOYER && this != HOSPITAL;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
