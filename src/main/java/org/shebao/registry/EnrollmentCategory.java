package org.shebao.registry;

/** 参保身份: an employee of an employer, a flexible worker (灵活就业人员), or an urban-rural resident. */
public enum EnrollmentCategory {
    EMPLOYEE, FLEXIBLE, RESIDENT
}
