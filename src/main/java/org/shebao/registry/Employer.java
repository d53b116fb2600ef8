package org.shebao.registry;

import java.time.OffsetDateTime;

/** An employer (参保单位) with its own contact and the agency's contact person for it (SX-5). */
public record Employer(long id, String creditCode, String name, String regionCode, String address,
                       String contactName, String contactPhone, String agencyContactName, String agencyContactPhone,
                       int version, OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                       String updatedBy) {

    /** SX-5: every employer should have a named agency contact. */
    public boolean hasAgencyContact() {
        return agencyContactName != null && !agencyContactName.isBlank();
    }
}
