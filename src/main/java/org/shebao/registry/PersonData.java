package org.shebao.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;
import org.shebao.common.FieldRules;
import org.shebao.common.Phone;

/**
 * What a clerk or an API client submits to register or edit a person. The field rules are its annotations; the ID
 * number and the regions are checked by their value types and by {@link Persons} (the user's scope).
 */
public record PersonData(String idNumber,
                         @NotBlank @CodePointLength(max = 50)
                         @Pattern(regexp = "[\\p{L}\\p{M}·．. ]+", message = "{error.name.characters}") String name,
                         @Phone String phone, String hukouRegion, String regionCode) {
    public PersonData {
        name = FieldRules.trim(name);
        phone = FieldRules.trim(phone);
    }
}
