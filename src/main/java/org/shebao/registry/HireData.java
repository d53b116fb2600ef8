package org.shebao.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.CodePointLength;
import org.shebao.common.FieldRules;
import org.shebao.common.Phone;
import org.shebao.common.PlainText;

/**
 * 增员: what an employer submits to enroll an employee: the person's ID number and name (and a phone, used when the
 * person is registered now), the day the employment began, the first-insured date, and a remark (required for a
 * backdated date, FJ-5a). Dates are text so that a wrong one is named.
 */
public record HireData(String idNumber,
                       @NotBlank @CodePointLength(max = 50)
                       @Pattern(regexp = "[\\p{L}\\p{M}·．. ]+", message = "{error.name.characters}") String name,
                       @Phone String phone, String employmentStart, String firstInsuredOn,
                       @PlainText(max = 200) String remark) {
    public HireData {
        name = FieldRules.trim(name);
        phone = FieldRules.trim(phone);
        remark = FieldRules.trim(remark);
    }
}
