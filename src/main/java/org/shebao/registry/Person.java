package org.shebao.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.shebao.common.Gender;
import org.shebao.common.IdNumber;
import java.time.Period;

/** An insured person as stored. {@code idNumber.toString()} is masked. */
public record Person(long id, IdNumber idNumber, String name, Gender gender, LocalDate birthDate, String phone,
                     String hukouRegion, String regionCode, int version, OffsetDateTime createdAt, String createdBy,
                     OffsetDateTime updatedAt, String updatedBy) {
    /** Age in whole years on a day: screens show this, not the birth date, unless the full date is needed. */
    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }


    public String maskedIdNumber() {
        return idNumber.masked();
    }

    /** Phone with the middle four digits hidden, e.g. 138****5678. */
    public String maskedPhone() {
        if (phone == null || phone.length() < 7) {
            return phone;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
