package org.shebao.payroll.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shebao.common.RegionCode;
import org.shebao.payroll.CertificationRule;
import org.shebao.policy.ScenarioExtension;

/**
 * The payroll's scenario expectation {@code certification}: month by month, whether a recipient whose certification
 * lapsed is paid, paid under the no-suspension measure (N-1c, SX-1c, FJ-1.1) or suspended, and the arrears paid when
 * they certify again. Format: docs/scenarios.md.
 */
public class PayrollScenarios implements ScenarioExtension {

    @Override
    public Set<String> kinds() {
        return Set.of("certification");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Check check(Map<String, Object> e, Context ctx) {
        if (!(e.get("certification") instanceof Map<?, ?> raw)) {
            throw new IllegalArgumentException("'certification' must be a mapping: certifiedUntil, from, to, monthly");
        }
        Map<String, Object> f = (Map<String, Object>) raw;
        RegionCode region = f.containsKey("region") ? new RegionCode(String.valueOf(f.get("region"))) : ctx.region();
        LocalDate certifiedUntil = LocalDate.parse(String.valueOf(f.get("certifiedUntil")));
        YearMonth from = YearMonth.parse(String.valueOf(f.get("from")));
        YearMonth to = YearMonth.parse(String.valueOf(f.get("to")));
        BigDecimal monthly = new BigDecimal(String.valueOf(f.get("monthly")));
        YearMonth recertified = f.containsKey("certifiedIn") ? YearMonth.parse(String.valueOf(f.get("certifiedIn"))) : null;
        List<String> got = new ArrayList<>();
        int suspended = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            if (recertified != null && m.equals(recertified.plusMonths(1)) && suspended > 0) {
                got.add(m + " ARREARS " + monthly.multiply(BigDecimal.valueOf(suspended)));
                suspended = 0;
            }
            LocalDate until = recertified != null && !m.isBefore(recertified.plusMonths(1))
                    ? recertified.atEndOfMonth().plusMonths(ctx.parameters().integer("pension.certification.validMonths",
                            region, recertified.atEndOfMonth())) : certifiedUntil;
            int grace = ctx.parameters().integer("pension.certification.graceMonths", region, m.atDay(1));
            CertificationRule.Outcome o = CertificationRule.decide(m, until, grace,
                    ctx.measure("NO_SUSPENSION_FOR_MISSED_CERTIFICATION", region, m.atDay(1)));
            got.add(m + " " + o);
            if (o == CertificationRule.Outcome.SUSPEND) {
                suspended++;
            }
        }
        if (!(e.get("months") instanceof List<?> want)) {
            throw new IllegalArgumentException("'months' must list the expected outcome of every month, e.g. [2020-03 PAY_FLAGGED]");
        }
        return new Check("certification lapsed " + certifiedUntil + " in " + region + ", " + from + "–" + to,
                String.join("; ", want.stream().map(String::valueOf).toList()), String.join("; ", got));
    }
}
