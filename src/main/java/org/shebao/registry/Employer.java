package org.shebao.registry;

import org.shebao.policy.Implements;
import java.time.OffsetDateTime;

/** An employer (参保单位) with its own contact and the agency's contact person for it (SX-5). */
@Implements(measure = "EMPLOYER_AGENCY_CONTACT", rule = "参保单位登记：记录经办机构联系人，未指定的予以提示",
        ruleEn = "Employer register: the agency contact is recorded, a missing one is shown")
public record Employer(long id, String creditCode, String name, String regionCode, String address,
                       String contactName, String contactPhone, String agencyContactName, String agencyContactPhone,
                       int version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy) {

    /** SX-5: every employer should have a named agency contact. */
    public boolean hasAgencyContact() {
        return agencyContactName != null && !agencyContactName.isBlank();
    }
}
