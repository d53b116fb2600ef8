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
    INSURED_PERSON, EMPLOYER;

    public boolean isStaff() {
        return this != INSURED_PERSON && this != EMPLOYER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
