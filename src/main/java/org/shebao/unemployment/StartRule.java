package org.shebao.unemployment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.shebao.policy.Implements;
import org.shebao.policy.MeasureStatus;

/**
 * When unemployment benefit starts.
 * <ul>
 *   <li>Normally from the month of registration (the claim): 失业保险金申领登记办法 (失业保险金自办理失业登记之日起计算).</li>
 *   <li>FJ-1.6: an applicant who could not apply in time because of the emergency is paid from the month after the
 *       month they became eligible to apply (the day after the employment ended), when the claim is made while the
 *       measure LATE_UNEMPLOYMENT_APPLICATION is in force (its window from the catalog: until the emergency is lifted)
 *       and the person became eligible no earlier than the month the emergency was declared; the months since are
 *       paid as arrears.</li>
 *   <li>Otherwise a late claim follows the normal rule.</li>
 * </ul>
 */
@Implements(measure = "LATE_UNEMPLOYMENT_APPLICATION",
        rule = "失业保险金起始月：疫情期间未能及时申领的，自符合申领条件次月起支付，之前月份补发",
        ruleEn = "Unemployment benefit start: a late applicant is paid from the month after eligibility, months since as arrears")
public final class StartRule {
    public static final String MEASURE = "LATE_UNEMPLOYMENT_APPLICATION";

    private StartRule() {
    }

    /**
     * @param separatedOn the last day of the employment (the employer's 减员)
     * @param appliedOn the day the claim was made (registration)
     * @param lateMeasure the status of LATE_UNEMPLOYMENT_APPLICATION for the region on {@code appliedOn}
     */
    public static BenefitStart decide(LocalDate separatedOn, LocalDate appliedOn, MeasureStatus lateMeasure) {
        YearMonth eligible = YearMonth.from(separatedOn.plusDays(1));
        YearMonth registration = YearMonth.from(appliedOn);
        if (!registration.isAfter(eligible)) {
            return new BenefitStart(eligible, registration, registration, "ON_TIME", List.of());
        }
        boolean emergency = lateMeasure != null && lateMeasure.inForce() && lateMeasure.emergency() != null
                && !eligible.isBefore(YearMonth.from(lateMeasure.emergency().declaredOn()));
        if (emergency) {
            return new BenefitStart(eligible, registration, eligible.plusMonths(1), "LATE_UNDER_EMERGENCY",
                    List.copyOf(lateMeasure.clauses()));
        }
        return new BenefitStart(eligible, registration, registration, "LATE_NORMAL_RULE", List.of());
    }
}
