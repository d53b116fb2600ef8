package org.shebao.registry;

import org.shebao.policy.Implements;
import java.time.OffsetDateTime;

/**
 * An employer (参保单位) with its own contact and the agency's contact person for it (SX-5), and its class (企业规模
 * or kind of unit, issue 11) with the evidence, who set it and when: all four null while not yet classified; and its
 * industry risk class for work-injury insurance (1–8, 人社部发〔2015〕71号; 1 until the agency sets it, V7_2).
 */
@Implements(measure = "EMPLOYER_AGENCY_CONTACT", rule = "参保单位登记：记录经办机构联系人，未指定的予以提示",
        ruleEn = "Employer register: the agency contact is recorded, a missing one is shown")
public record Employer(long id, String creditCode, String name, String regionCode, String address,
                       String contactName, String contactPhone, String agencyContactName, String agencyContactPhone,
                       int version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy, EmployerSize sizeClass, String sizeEvidence, String sizeSetBy,
                       OffsetDateTime sizeSetAt, int workInjuryRiskClass) {

    /** SX-5: every employer should have a named agency contact. */
    public boolean hasAgencyContact() {
        return agencyContactName != null && !agencyContactName.isBlank();
    }
}
