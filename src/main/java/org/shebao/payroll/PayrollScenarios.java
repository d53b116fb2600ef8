package org.shebao.payroll;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.ledger.Ledger;
import org.shebao.platform.ScenarioDatabase;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.policy.ScenarioExtension;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.shebao.audit.AuditLog;
import org.springframework.context.annotation.AnnotationConfigUtils;

/**
 * The payroll's scenario expectation {@code certification}, replayed on the real payroll: a standing order is
 * registered in a fresh embedded PostgreSQL ({@link ScenarioDatabase}), the monthly runs of the region are executed
 * by {@link Payroll} itself, month by month on the scenario's clock, with the measures over the scenario's
 * emergencies, and a certification is recorded when the scenario says so. What the runs wrote (lines, their kinds and
 * flags; no line: suspended) is what the expectation compares. There is no second copy of the certification rule
 * (N-1c, SX-1c, FJ-1.1): the SQL of the run decides. Format: docs/scenarios.md.
 */
public class PayrollScenarios implements ScenarioExtension {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
        if (!(e.get("months") instanceof List<?> want)) {
            throw new IllegalArgumentException("'months' must list the expected outcome of every month, e.g. [2020-03 PAY_FLAGGED]");
        }
        Map<String, Object> f = (Map<String, Object>) raw;
        RegionCode region = f.containsKey("region") ? new RegionCode(String.valueOf(f.get("region"))) : ctx.region();
        LocalDate certifiedUntil = LocalDate.parse(String.valueOf(f.get("certifiedUntil")));
        YearMonth from = YearMonth.parse(String.valueOf(f.get("from")));
        YearMonth to = YearMonth.parse(String.valueOf(f.get("to")));
        Money monthly = new Money(new BigDecimal(String.valueOf(f.get("monthly"))));
        YearMonth certifiedIn = f.containsKey("certifiedIn") ? YearMonth.parse(String.valueOf(f.get("certifiedIn"))) : null;

        MovableClock clock = new MovableClock(from.atDay(1));
        List<String> got = new ArrayList<>();
        Set<String> clauses = new LinkedHashSet<>();
        try (GenericApplicationContext spring = payroll(ScenarioDatabase.fresh(), clock, ctx.measures(), ctx.parameters())) {
            Payroll payroll = spring.getBean(Payroll.class);
            StandingOrders orders = spring.getBean(StandingOrders.class);
            JdbcClient jdbc = spring.getBean(JdbcClient.class);
            long order = orders.registerOrder(new StandingOrders.NewOrder(1, region, Benefit.PENSION, OrderKind.REGULAR, monthly, from,
                    certifiedUntil, "6222000000000001", "情景", "", "scenario"));
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                clock.set(m.atDay(1));
                PayrollRun run = payroll.open(region, m, "scenario");
                payroll.execute(run.id());
                List<Map<String, Object>> lines = jdbc.sql("SELECT kind, amount, flags FROM payroll_line"
                        + " WHERE run_id = :r AND order_id = :o ORDER BY kind").param("r", run.id()).param("o", order)
                        .query().listOfRows();
                String outcome = null;
                for (Map<String, Object> l : lines) {
                    String kind = (String) l.get("kind");
                    String flags = (String) l.get("flags");
                    if ("REGULAR".equals(kind)) {
                        List<String> flagged = clausesOf(flags);
                        outcome = m + (flagged.isEmpty() ? " PAY" : " PAY_FLAGGED");
                        clauses.addAll(flagged);
                    } else {
                        got.add(m + " " + kind + " " + l.get("amount")); // arrears before the month's own outcome
                    }
                }
                if (outcome == null) {
                    String status = jdbc.sql("SELECT status FROM payroll_order WHERE id = :o").param("o", order)
                            .query(String.class).single();
                    outcome = m + ("SUSPENDED".equals(status) ? " SUSPEND" : " NOT_PAID " + status);
                }
                got.add(outcome);
                if (m.equals(certifiedIn)) {
                    LocalDate on = m.atEndOfMonth();
                    clock.set(on);
                    orders.certify(order, orders.certificationValidUntil(region, on), "scenario");
                }
            }
        }
        return new Check("payroll runs " + from + "–" + to + " of a recipient certified until " + certifiedUntil + " in "
                + region, String.join("; ", want.stream().map(String::valueOf).toList()), String.join("; ", got),
                List.copyOf(clauses));
    }

    /** The clauses of the no-suspension flag on a line ({@code NO_SUSPENSION_FOR_MISSED_CERTIFICATION:N-1c,FJ-1.1}). */
    private static List<String> clausesOf(String flags) {
        for (String token : flags.trim().split("\\s+")) {
            if (token.startsWith(Payroll.NO_SUSPENSION + ":")) {
                return List.of(token.substring(Payroll.NO_SUSPENSION.length() + 1).split(","));
            }
        }
        return List.of();
    }

    /** The payroll and its ledger, wired by Spring over the scenario's database, clock, measures and parameters. */
    private static GenericApplicationContext payroll(DataSource ds, Clock clock, Measures measures, Parameters parameters) {
        GenericApplicationContext spring = new GenericApplicationContext();
        spring.registerBean(DataSource.class, () -> ds);
        spring.registerBean(JdbcClient.class, () -> JdbcClient.create(ds));
        DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
        spring.registerBean(DataSourceTransactionManager.class, () -> tm);
        spring.registerBean(TransactionTemplate.class, () -> new TransactionTemplate(tm));
        spring.registerBean(Clock.class, () -> clock);
        spring.registerBean(Measures.class, () -> measures);
        spring.registerBean(Parameters.class, () -> parameters);
        spring.registerBean(PayrollProperties.class, PayrollProperties::defaults);
        spring.registerBean(AuditLog.class);
        spring.registerBean(Ledger.class);
        spring.registerBean(Payroll.class);
        spring.registerBean(StandingOrders.class);
        AnnotationConfigUtils.registerAnnotationConfigProcessors(spring);
        spring.refresh();
        return spring;
    }

    /** The scenario's clock: the day the runs of a month are made on. */
    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(LocalDate day) {
            set(day);
        }

        void set(LocalDate day) {
            now = day.atTime(9, 0).atZone(ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
