package org.shebao.registry;

import org.shebao.policy.Implements;
import java.time.OffsetDateTime;

/**
 * An employer (参保单位) with its own contact and the agency's contact person for it (SX-5: a staff user of the
 * employer's city, {@code agencyContactUser}, with the name shown and an office phone), and its class (企业规模
 * or kind of unit, issue 11) with the evidence, who set it and when: all four null while not yet classified; and its
 * industry risk class for work-injury insurance (1–8, 人社部发〔2015〕71号; 1 until the agency sets it, V7_2).
 */
@Implements(measure = "EMPLOYER_AGENCY_CONTACT", rule = "参保单位登记：从本市经办机构工作人员中指定联系人，单位在网上服务中看到联系人，未指定的单位可列出",
        ruleEn = "Employer register: an agency contact chosen from the city's staff, shown to the employer in its portal; employers without one are listed")
public record Employer(long id, String creditCode, String name, String regionCode, String address,
                       String contactName, String contactPhone, String agencyContactName, String agencyContactPhone,
                       String agencyContactUser,
                       int version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy, EmployerSize sizeClass, String sizeEvidence, String sizeSetBy,
                       OffsetDateTime sizeSetAt, int workInjuryRiskClass) {

    /** SX-5: every employer should have a named agency contact, a staff user chosen for it (V20_2). */
    public boolean hasAgencyContact() {
        return agencyContactUser != null;
    }
}
