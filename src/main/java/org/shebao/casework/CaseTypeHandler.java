package org.shebao.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;

/**
 * A business type plugged into the case machinery: its checklist, its form's checks, the flags its own rules set,
 * its time limit, and what approval does. Each module that owns a business (pension, unemployment …) provides one
 * as a Spring bean.
 */
public interface CaseTypeHandler {

    /** The type code, e.g. ENROLLMENT; also the message key suffix (casetype.CODE). */
    CaseType type();

    /** The materials the type asks for. */
    List<ChecklistItem> checklist();

    /**
     * Checks the applicant's form for this person (throwing {@link org.shebao.common.InvalidInputException} with
     * every field at fault) and returns it as it will be stored.
     */
    Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form);

    /**
     * An employer's application (the applicant is a unit, not a person): submitted by the employer's own portal user,
     * or by a clerk of its region on its behalf naming it in the form's {@code employerId}; checked by
     * {@link #checkEmployer} instead of {@link #check}. False by default.
     */
    default boolean employerCase() {
        return false;
    }

    /** Checks an employer's form (employer cases only), as {@link #check} does a person's. */
    default Map<String, String> checkEmployer(ShebaoUser submitter, long employerId, Map<String, String> form) {
        throw new UnsupportedOperationException(type() + " is not an employer's application");
    }

    /**
     * A claim about another person than the applicant (a deceased recipient's survivors' claim): the person the case is
     * about, as {@link #check} found it from the form; the applicant (the portal user, or the person a clerk names)
     * signs the commitments and follows the case as its applicant. Null by default: the case is about the applicant.
     */
    default Person subject(Map<String, String> checkedForm) {
        return null;
    }

    /** Flags the type's own rules put on the case (e.g. the green channel); none by default. */
    default List<CaseFlag> flags(Map<String, String> form, RegionCode region, LocalDate on) {
        return List.of();
    }

    /** The policy parameter (working days) holding the type's time limit. */
    default String timeLimitParameter() {
        return type().timeLimitParameter();
    }

    /** A page of the owning module with the type's own details (e.g. a pension's calculation), or null. */
    default String detailsPath(Case c) {
        return null;
    }

    /** A benefit application (N-1a: accepted and pre-reviewed online); not a registration or a certificate. */
    default boolean benefit() {
        return false;
    }

    /**
     * The issue that builds what approval of this type does, while it is not built: such a case can be accepted,
     * returned, pre-reviewed and rejected, but not approved, so that no decision is shown without its effect.
     * Null (the default): approval carries out {@link #onApproved}.
     */
    default Integer approvalWaitsFor() {
        return null;
    }

    /** The effect of approval, in the approval's transaction. */
    void onApproved(ShebaoUser approver, Case c);
}
