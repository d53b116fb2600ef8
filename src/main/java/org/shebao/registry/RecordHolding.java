package org.shebao.registry;

import java.time.LocalDate;

/**
 * One holding of a person's enterprise-pension record after a transfer: the agency (city) that took it over
 * ({@code holderRegion}) from {@code fromRegion} on {@code since}, until the next transfer ({@code until}, null while
 * current), by which transfer ({@code reference}), with how many months the record had then (each counted once).
 */
public record RecordHolding(String holderRegion, String fromRegion, LocalDate since, LocalDate until, String reference,
                            int months) {
    public boolean current() {
        return until == null;
    }
}
