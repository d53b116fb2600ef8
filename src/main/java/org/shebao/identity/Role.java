package org.shebao.identity;

/** The roles of the platform. Staff roles are scoped to a region; portal roles to their own records. */
public enum Role {
    CLERK, REVIEWER, FINANCE, AUDITOR, HALL_MANAGER, ADMIN, INSURED_PERSON, EMPLOYER;

    public boolean isStaff() {
        return this != INSURED_PERSON && this != EMPLOYER;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
