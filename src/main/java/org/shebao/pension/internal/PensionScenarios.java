package org.shebao.pension.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.pension.EntitlementDecision;
import org.shebao.pension.Entitlements;
import org.shebao.pension.PensionCalculation;
import org.shebao.pension.PensionFacts;
import org.shebao.pension.PensionFormula;
import org.shebao.pension.Settlement;
import org.shebao.policy.ScenarioExtension;
import java.time.format.DateTimeParseException;

/**
 * The pension module's scenario expectations: {@code pension} (the 国发〔2005〕38号 calculation), {@code entitlement}
 * (FJ-1.2, N-1d, SX-1a) and {@code settlement} (N-1b, FJ-1.3 多扣少补). Format: docs/scenarios.md.
 */
public class PensionScenarios implements ScenarioExtension {

    @Override
    public Set<String> kinds() {
        return Set.of("pension", "entitlement", "settlement");
    }

    @Override
    public Check check(Map<String, Object> e, Context ctx) {
        if (e.containsKey("pension")) {
            Map<String, Object> f = map(e, "pension");
            RegionCode region = f.containsKey("region") ? new RegionCode(text(f, "region")) : ctx.region();
            PensionCalculation c = new PensionFormula(ctx.parameters()).compute(new PensionFacts(region,
                    date(f, "retiredOn"), Integer.parseInt(text(f, "age")), Integer.parseInt(text(f, "months")),
                    new BigDecimal(text(f, "wageIndex")), Money.exact(new BigDecimal(text(f, "balance")))));
            return new Check("pension of someone retiring " + text(f, "retiredOn") + " in " + region,
                    "basic " + text(e, "basic") + ", account " + text(e, "account") + ", total " + text(e, "total"),
                    "basic " + c.basicPart() + ", account " + c.accountPart() + ", total " + c.total());
        }
        if (e.containsKey("entitlement")) {
            Map<String, Object> f = map(e, "entitlement");
            RegionCode region = f.containsKey("region") ? new RegionCode(text(f, "region")) : ctx.region();
            LocalDate completed = date(f, "completedOn");
            EntitlementDecision d = Entitlements.decide(date(f, "reachedAge"), date(f, "declaredOn"), completed,
                    date(f, "approvedOn"), ctx.measure("ARREARS_AFTER_LATE_DECLARATION", region, completed));
            StringBuilder want = new StringBuilder("from " + text(e, "firstMonth"));
            StringBuilder got = new StringBuilder("from " + d.firstMonth());
            if (e.containsKey("arrearsMonths")) {
                want.append(", ").append(text(e, "arrearsMonths")).append(" months of arrears in ")
                        .append(e.get("arrearsPayroll"));
                got.append(", ").append(d.arrearsMonths()).append(" months of arrears in ").append(d.arrearsPayroll());
            }
            if (e.containsKey("clauses")) {
                want.append(" ").append(e.get("clauses"));
                got.append(" ").append(d.clauses());
            }
            if (e.containsKey("rule")) {
                want.append(" (").append(text(e, "rule")).append(")");
                got.append(" (").append(d.rule()).append(")");
            }
            return new Check("entitlement, age reached " + text(f, "reachedAge") + ", declared " + text(f, "declaredOn")
                    + ", complete " + completed + " in " + region, want.toString(), got.toString(), d.clauses());
        }
        Map<String, Object> f = map(e, "settlement");
        YearMonth from = YearMonth.parse(text(f, "from"));
        YearMonth until = YearMonth.parse(text(f, "until"));
        Map<YearMonth, Money> paid = new LinkedHashMap<>();
        if (f.containsKey("paidEach")) {
            for (YearMonth m = from; !m.isAfter(until); m = m.plusMonths(1)) {
                paid.put(m, Money.exact(new BigDecimal(text(f, "paidEach"))));
            }
        }
        if (f.get("paid") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> paid.put(YearMonth.parse(String.valueOf(k)), Money.exact(new BigDecimal(String.valueOf(v)))));
        }
        YearMonth payroll = YearMonth.parse(text(f, "firstPayroll"));
        BigDecimal share = ctx.parameters().decimal("pension.settlement.maxDeductionShare", ctx.region(),
                payroll.atDay(1));
        Settlement s = Settlement.settle(from, until, Money.exact(new BigDecimal(text(f, "monthly"))), paid, payroll, share);
        String want = "total " + text(e, "total") + (e.containsKey("schedule") ? ", schedule " + schedule(e.get("schedule")) : "");
        String got = "total " + s.total() + (e.containsKey("schedule") ? ", schedule " + s.schedule().stream()
                .map(i -> i.payroll() + " " + i.amount()).collect(Collectors.joining("; ")) : "");
        return new Check("settlement " + from + "–" + until + " at " + text(f, "monthly") + "/month", want, got);
    }

    private static String schedule(Object o) {
        if (!(o instanceof List<?> list)) {
            throw new IllegalArgumentException("schedule must be a list like [2020-07 1200.00, …]");
        }
        return list.stream().map(String::valueOf).collect(Collectors.joining("; "));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> e, String key) {
        if (!(e.get(key) instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + key + "' must be a mapping of facts");
        }
        return (Map<String, Object>) e.get(key);
    }

    private static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("'" + key + "' is missing");
        }
        return String.valueOf(v);
    }

    private static LocalDate date(Map<String, Object> m, String key) {
        try {
            return LocalDate.parse(text(m, key));
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("'" + key + "' must be a date like 2020-03-15");
        }
    }
}
