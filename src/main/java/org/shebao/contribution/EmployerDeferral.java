package org.shebao.contribution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.shebao.policy.Deadline;

/**
 * An employer's approved deferral of its contributions (缓缴, 人社部发〔2020〕11号 第三条): the months it covers (费款所属期
 * {@code from} … {@code to}), the day it ends (the due date of the last month's bill, so that every month covered is
 * paid by then without a late fee), why, the source of the rule,
 * the case it was approved in, and its back-payment deadline (lifted + 3 months, FJ-1.4; pending while the lifted date
 * is unknown, null when no emergency covered the employer's region on approval).
 */
public record EmployerDeferral(long id, long employerId, String regionCode, YearMonth from, YearMonth to, int months,
                               LocalDate endsOn, String reason, String source, String caseReference, String approvedBy,
                               OffsetDateTime approvedAt, Deadline backPaymentDeadline) {

    /** Whether the deferral covers a month's bill. */
    public boolean covers(YearMonth month) {
        return !month.isBefore(from) && !month.isAfter(to);
    }

    /** Whether the employer was deferred on a day: from the first day of the first month to the end. */
    public boolean deferredOn(LocalDate day) {
        return !day.isBefore(from.atDay(1)) && !day.isAfter(endsOn);
    }
}
