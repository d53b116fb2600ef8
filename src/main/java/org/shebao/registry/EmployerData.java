package org.shebao.registry;

import jakarta.validation.constraints.NotBlank;
import org.shebao.common.FieldRules;
import org.shebao.common.Phone;
import org.shebao.common.PlainText;

/**
 * {@code agencyContact}: the user name of the agency's contact for the employer (SX-5), one of the staff of the
 * employer's city, chosen from a list; empty when none is chosen.
 * What a clerk or an API client submits to register or edit an employer. The field rules are its annotations; the
 * credit code and the region are checked by their value types and by {@link Employers} (the user's scope).
 */
public record EmployerData(String creditCode, @NotBlank @PlainText(max = 100) String name, String regionCode,
                           @PlainText(max = 200) String address, @PlainText(max = 50) String contactName,
                           @Phone String contactPhone, @PlainText(max = 50) String agencyContact,
                           @Phone String agencyContactPhone) {
    public EmployerData {
        name = FieldRules.trim(name);
        address = FieldRules.trim(address);
        contactName = FieldRules.trim(contactName);
        contactPhone = FieldRules.trim(contactPhone);
        agencyContact = FieldRules.trim(agencyContact);
        agencyContactPhone = FieldRules.trim(agencyContactPhone);
    }
}
