package org.shebao.casework;

import java.util.Arrays;
import java.util.Optional;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;

/**
 * The business types of an application (casework_case.type). Each has one {@link CaseTypeHandler}, in the module whose
 * rules decide it; a new type is a value here and a handler there.
 */
public enum CaseType {
    /** 退休申报: the pension module decides it (N-1a, N-1b, FJ-1.3). */
    RETIREMENT("casework.timeLimit.retirement"),
    /** 参保登记. */
    ENROLLMENT("casework.timeLimit.enrollment"),
    /** 参保缴费证明开具 (N-3c). */
    CERTIFICATE_REQUEST("casework.timeLimit.certificateRequest"),
    /** 工伤保险待遇申领 (the green channel: N-4, SX-4, FJ-4). */
    WORK_INJURY_BENEFIT("casework.timeLimit.workInjury"),
    /** 用人单位缓缴社会保险费: an employer's application; the contribution module records the deferral (issue 11). */
    EMPLOYER_DEFERRAL("casework.timeLimit.employerDeferral"),
    /** 失业保险金申领: the unemployment module decides it (失业保险条例 第十四条、第十七条; FJ-1.6). */
    UNEMPLOYMENT_BENEFIT("casework.timeLimit.unemployment"),
    /** 城乡居民养老保险待遇领取: the residentpension module decides it (国发〔2014〕8号; FJ-1.2). */
    RESIDENT_PENSION("casework.timeLimit.residentPension"),
    /**
     * 丧葬补助金和抚恤金申领 with the inheritance of the personal-account balance: a deceased recipient's family member
     * applies; the pension module decides it (社会保险法 第十七条、第十四条).
     */
    SURVIVORS_CLAIM("casework.timeLimit.survivors");

    private final String timeLimitParameter;

    CaseType(String timeLimitParameter) {
        this.timeLimitParameter = timeLimitParameter;
    }

    /** The policy parameter (working days) holding the type's time limit. */
    public String timeLimitParameter() {
        return timeLimitParameter;
    }

    /** A type given as input: an unknown one is bad input on the named field. */
    public static CaseType parse(String raw, String field) {
        return find(raw).orElseThrow(() -> InvalidInputException.of(field, "error.case.type", raw == null ? "" : raw));
    }

    /** A type named in a page's address: an unknown one is a page that does not exist. */
    public static CaseType ofPage(String raw) {
        return find(raw).orElseThrow(() -> new NotFoundException("case type " + raw));
    }

    private static Optional<CaseType> find(String raw) {
        return Arrays.stream(values()).filter(t -> t.name().equals(raw)).findFirst();
    }
}
