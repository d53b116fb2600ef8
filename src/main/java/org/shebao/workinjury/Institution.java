package org.shebao.workinjury;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;

/** An agreement medical institution (协议医疗机构) of a region, with its agreement period (inclusive). */
public record Institution(long id, String regionCode, String name, String agreementNo, LocalDate agreementFrom,
                          LocalDate agreementTo, String registeredByName, OffsetDateTime registeredAt) {
    /** Whether the agreement covers the day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(agreementFrom) && !day.isAfter(agreementTo);
    }

    /** Whether the agreement covers any day of the month. */
    public boolean covers(YearMonth month) {
        return !month.atEndOfMonth().isBefore(agreementFrom) && !month.atDay(1).isAfter(agreementTo);
    }
}
