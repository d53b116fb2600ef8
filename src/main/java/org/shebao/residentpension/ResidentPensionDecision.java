package org.shebao.residentpension;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.shebao.common.Money;
import org.shebao.pension.EntitlementDecision;

/**
 * Everything a residents' pension claim was decided on, stored with the claim and shown to the reviewer and the
 * resident: the day applied, eligibility (国发〔2014〕8号 七), the entitlement (FJ-1.2: from the month after the 60th
 * birthday, months since as arrears), each arrears month's amount, and the regular monthly amount from
 * {@code regularFrom} with its parts and sources.
 */
public record ResidentPensionDecision(LocalDate appliedOn, ResidentPensionRule.Eligibility eligibility,
                                      EntitlementDecision entitlement, List<ResidentPensionRule.MonthlyAmount> arrears,
                                      Money arrearsTotal, YearMonth regularFrom,
                                      ResidentPensionRule.MonthlyAmount regular) {
}
