package org.shebao.contribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Implements;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.Enrollment;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.Enrollments;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A flexible worker's own basic-pension payments (灵活就业人员缴费), N-5b / FJ-5b: the months of a year paid late as a
 * lump sum (一次性补缴: every unpaid month of the year up to this month), a gap payment (中断补缴: the unpaid months
 * from one month to another) or a periodic payment (定期缴费: one month), by the person in the portal or the app, or
 * by a clerk, finance or an administrator of the person's region (who may give the day from the bank's slip).
 * <p>
 * Each month: the chosen base clamped by {@link BaseRule}; the amount at {@code contribution.rate.pension.flexible}
 * (20%), the personal-account credit at {@code contribution.rate.pension.personal} (8%); due on the bill's due day of
 * the month after ({@code contribution.bill.dueDay}); {@link PaidMonthRule} decides the late fee and whether it counts
 * in its own month (N-5c / FJ-5c by lifted + 3 months, from the emergency's dates; after it the normal rules). A month
 * of the year the deferral measure covers ({@code contribution.deferral.year}, 2020), due while CONTRIBUTION_DEFERRAL_2020
 * was in force, is flagged with its clauses (N-5b, N-5c; FJ-5b, FJ-5c). Every month goes into the rights record.
 * <p>
 * Refused, nothing written: a month paid already (one winner, also between parallel requests), a month to come, a
 * month in which the person is enrolled by an employer (the employer's bill pays it), a bad mode, month or base.
 * The bulk-loaded yearly history has no months: its months are taken as the first months of its year (January on),
 * an assumption to confirm when the history is loaded month by month.
 */
@Implements(measure = "CONTRIBUTION_DEFERRAL_2020", rule = "灵活就业人员2020年度缴费：一次性补缴、中断补缴或定期缴费，逐月标识依据条款并记入个人权益记录",
        ruleEn = "Flexible workers' 2020 contributions paid late as a lump sum, a gap payment or periodically, each month flagged and recorded")
@Service
@RequiredArgsConstructor
public class PersonPayments {
    static final String FLEXIBLE_RATE = "contribution.rate.pension.flexible";
    static final String PERSONAL_RATE = "contribution.rate.pension.personal";

    /** How a person pays. */
    public enum Mode {
        /** 一次性补缴: every unpaid month of the year, up to this month. */
        LUMP_SUM,
        /** 中断补缴: the unpaid months from one month to another. */
        GAP,
        /** 定期缴费: one month. */
        PERIODIC
    }

    /** A payment as sent: mode, year, first and last month (1–12), the chosen base in yuan, the day (staff only). */
    public record Request(String mode, String year, String fromMonth, String toMonth, String base, String paidOn) {
    }

    /** What a payment did: its id, the months with their decisions, the totals. */
    public record Made(long id, Mode mode, int year, LocalDate paidOn, BaseDecision base, Money amount,
                       Money accountCredit, Money feeCharged, List<PaidMonth> months) {
    }

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Enrollments enrollments;
    private final Bills bills;
    private final Parameters parameters;
    private final Measures measures;
    private final Deadlines deadlines;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    /** The months of {@code year} the person has paid (the bulk history's months from January, and the paid months). */
    public Set<Integer> paidMonths(long personId, int year) {
        Set<Integer> paid = new TreeSet<>(jdbc.sql("SELECT month FROM contribution_month WHERE person_id = :p AND year = :y")
                .param("p", personId).param("y", year).query(Integer.class).list());
        int history = jdbc.sql("SELECT COALESCE(sum(months), 0) FROM contribution_year WHERE person_id = :p AND year = :y")
                .param("p", personId).param("y", year).query(Integer.class).single();
        for (int m = 1; m <= Math.min(12, history); m++) {
            paid.add(m);
        }
        return paid;
    }

    /** Pays months of a year for a person; see the class. */
    @Transactional
    public Made pay(ShebaoUser by, long personId, Request r) {
        Person person = person(persons, by, personId, "person payment", Role.CLERK, Role.FINANCE, Role.ADMIN);
        RegionCode region = new RegionCode(person.regionCode());
        LocalDate today = LocalDate.now(clock);
        YearMonth now = YearMonth.from(today);
        Violations v = new Violations();
        Mode mode = v.oneOf(r.mode(), Mode.class, "mode");
        Integer year = number(v, r.year(), "year", 1990, now.getYear(), "error.personPayment.year");
        Integer from = mode == Mode.LUMP_SUM ? null : number(v, r.fromMonth(), "fromMonth", 1, 12, "error.personPayment.month");
        Integer to = mode == Mode.GAP ? number(v, r.toMonth(), "toMonth", 1, 12, "error.personPayment.month") : from;
        Money declared = base(v, r.base(), Declarations.maxBase(parameters, region, today));
        LocalDate paidOn = Payments.paidOn(v, by, r.paidOn(), today);
        v.throwIfAny();
        // one payment of a person at a time: the months paid are read and written under the lock
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('contribution_person'), hashtext(:p))")
                .param("p", String.valueOf(personId)).query(Object.class).list();
        Set<Integer> paid = paidMonths(personId, year);
        List<YearMonth> months = new ArrayList<>();
        if (mode == Mode.LUMP_SUM) {
            int last = year < now.getYear() ? 12 : now.getMonthValue();
            for (int m = 1; m <= last; m++) {
                if (!paid.contains(m)) {
                    months.add(YearMonth.of(year, m));
                }
            }
            if (months.isEmpty()) {
                throw InvalidInputException.of("year", "error.personPayment.nothingDue", String.valueOf(year));
            }
        } else {
            if (to < from) {
                v.add("toMonth", "error.personPayment.order", String.valueOf(from), String.valueOf(to));
            }
            for (int m = from; m <= to; m++) {
                YearMonth ym = YearMonth.of(year, m);
                if (ym.isAfter(now)) {
                    v.add(m == from ? "fromMonth" : "toMonth", "error.payment.futureMonth", ym.toString(), now.toString());
                    break;
                }
                if (paid.contains(m)) {
                    v.add(m == from ? "fromMonth" : "toMonth", "error.personPayment.paid", ym.toString());
                }
                months.add(ym);
            }
        }
        List<Enrollment> employed = enrollments.enrollmentsOf(by, personId).stream()
                .filter(e -> e.category() == EnrollmentCategory.EMPLOYEE && e.employerId() != null).toList();
        for (YearMonth m : months) {
            if (employed.stream().anyMatch(e -> !e.firstInsuredOn().isAfter(m.atEndOfMonth())
                    && (e.endedOn() == null || !e.endedOn().isBefore(m.atDay(1))))) {
                v.add(mode == Mode.LUMP_SUM ? "year" : "fromMonth", "error.personPayment.employed", m.toString(),
                        employed.get(0).employerName());
                break;
            }
        }
        v.throwIfAny();
        return write(by, person, region, mode, year, months, declared, paidOn);
    }

    private Made write(ShebaoUser by, Person person, RegionCode region, Mode mode, int year, List<YearMonth> months,
                       Money declared, LocalDate paidOn) {
        BaseDecision base = clamp(region, months.get(0), declared);
        List<PaidMonth> out = new ArrayList<>();
        Money amount = Money.ZERO;
        Money credit = Money.ZERO;
        Money fees = Money.ZERO;
        Money computed = Money.ZERO;
        for (YearMonth m : months) {
            LocalDate on = m.atDay(1);
            BaseDecision b = clamp(region, m, declared);
            Money due = b.used().times(parameters.decimal(FLEXIBLE_RATE, region, on), RoundingMode.HALF_UP);
            Money account = b.used().times(parameters.decimal(PERSONAL_RATE, region, on), RoundingMode.HALF_UP);
            LocalDate dueOn = bills.dueOn(region, m);
            MeasureStatus noFee = measures.status(Payments.MEASURE, region, dueOn);
            Deadline deadline = deadlines.of(Contributions.RULE, region, dueOn).orElse(null);
            PaidMonthRule.Decision d = new PaidMonthRule(new LatePaymentRule(new LateFeeRule(parameters))).decide(region, m, due, dueOn, paidOn, null, noFee.inForce(),
                    noFee.clauses(), deadline);
            MeasureStatus deferral = measures.status(Contributions.MEASURE, region, dueOn);
            Integer deferralYear = parameters.find(Contributions.YEAR, region, dueOn).map(p -> (Integer) p.value())
                    .orElse(null);
            String flags = deferralYear != null && deferralYear == year && deferral.inForce() ? deferral.clauseList() : "";
            Money fee = d.fee() == null ? Money.ZERO : d.fee().charged();
            out.add(new PaidMonth(m, person.regionCode(), b.used(), due, account, dueOn, paidOn, PaidMonth.Source.PERSON,
                    d.ownMonth(), d.rule(), d.reason(), fee, flags));
            amount = amount.plus(due);
            credit = credit.plus(account);
            fees = fees.plus(fee);
            computed = computed.plus(d.fee() == null ? Money.ZERO : d.fee().computed());
        }
        String paymentFlags = out.stream().map(PaidMonth::flags).filter(f -> !f.isBlank()).findFirst().orElse("");
        long id = jdbc.sql("""
                        INSERT INTO contribution_person_payment (region_code, person_id, mode, year, from_month, to_month,
                               months, declared_base, base_used, amount, account_credit, paid_on, fee_computed,
                               fee_waived, fee_charged, flags, recorded_by, recorded_at)
                        VALUES (:r, :p, :mode, :y, :from, :to, :n, :declared, :used, :amount, :credit, :paidOn, :computed,
                                :waived, :charged, :flags, :by, :at) RETURNING id""")
                .param("r", person.regionCode()).param("p", person.id()).param("mode", mode.name()).param("y", year)
                .param("from", months.get(0).getMonthValue()).param("to", months.get(months.size() - 1).getMonthValue())
                .param("n", months.size()).param("declared", declared.amount()).param("used", base.used().amount())
                .param("amount", amount.amount()).param("credit", credit.amount()).param("paidOn", paidOn)
                .param("computed", computed.amount()).param("waived", computed.minus(fees).amount())
                .param("charged", fees.amount()).param("flags", paymentFlags).param("by", by.getUsername())
                .param("at", OffsetDateTime.now(clock)).query(Long.class).single();
        for (PaidMonth m : out) {
            if (!insert(person.id(), m, id, null)) { // paid by a parallel request meanwhile: one winner
                throw new ConflictException("fromMonth", "error.personPayment.paid", m.month().toString());
            }
        }
        Account.Contributions a = Account.contributions(Fund.PENSION);
        List<Ledger.Posting> postings = new ArrayList<>(List.of(new Ledger.Posting(a.bank(), a.income(), amount)));
        if (fees.isPositive()) {
            postings.add(new Ledger.Posting(a.lateFeesReceivable(), a.lateFeeIncome(), fees));
        }
        ledger.post(Fund.PENSION, paidOn, "person-payment:" + id, by.getUsername(),
                "灵活就业人员缴费 " + year + "年" + months.size() + "个月 个人 " + person.id()
                        + (fees.isPositive() ? "，滞纳金 " + fees : ""), postings);
        audit.record(by.getUsername(), AuditAction.PAYMENT_RECORDED, "person " + person.id(),
                "person payment " + id + " " + mode + " " + months.get(0) + ".." + months.get(months.size() - 1) + " "
                        + amount + " paid " + paidOn + ", late fee " + fees + (paymentFlags.isEmpty() ? "" : " [" + paymentFlags + "]"));
        return new Made(id, mode, year, paidOn, base, amount, credit, fees, out);
    }

    /**
     * The person, for themselves (a citizen) or for staff with one of the roles of the agency holding their record
     * (after a transfer the receiving agency's; the sending agency reads only); else refused.
     */
    static Person person(Persons persons, ShebaoUser by, long personId, String what, Role... staff) {
        Person person = persons.personToServe(by, personId, "person");
        if (by.isStaff() && !by.has(staff)) {
            throw new AccessDeniedToRecordException(what);
        }
        return person;
    }

    /** Writes a paid month; false when the month was paid already. */
    boolean insert(long personId, PaidMonth m, Long paymentId, Long billId) {
        return jdbc.sql("""
                        INSERT INTO contribution_month (person_id, region_code, year, month, base, account_credit, amount,
                               due_on, paid_on, source, payment_id, bill_id, own_month, rule, reason, fee_charged, flags)
                        VALUES (:p, :r, :y, :m, :base, :credit, :amount, :dueOn, :paidOn, :source, :payment, :bill, :own,
                                :rule, :reason, :fee, :flags)
                        ON CONFLICT (person_id, year, month, region_code) DO NOTHING""")
                .param("p", personId).param("r", m.regionCode()).param("y", m.month().getYear())
                .param("m", m.month().getMonthValue()).param("base", m.base().amount())
                .param("credit", m.accountCredit().amount()).param("amount", m.amount().amount())
                .param("dueOn", m.dueOn()).param("paidOn", m.paidOn()).param("source", m.source().name())
                .param("payment", paymentId, java.sql.Types.BIGINT).param("bill", billId, java.sql.Types.BIGINT)
                .param("own", m.ownMonth()).param("rule", m.rule().name()).param("reason", m.reason())
                .param("fee", m.feeCharged().amount()).param("flags", m.flags()).update() == 1;
    }

    private BaseDecision clamp(RegionCode region, YearMonth month, Money declared) {
        try {
            return new BaseRule(parameters).clamp(region, month, declared);
        } catch (Parameters.MissingParameterException e) {
            throw InvalidInputException.of("year", "error.bill.noParameters", month.toString());
        }
    }

    private static Integer number(Violations v, String raw, String field, int min, int max, String code) {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty()) {
            v.add(field, "error.required");
            return null;
        }
        if (!s.matches("\\d{1,4}") || Integer.parseInt(s) < min || Integer.parseInt(s) > max) {
            v.add(field, code, s.length() > 20 ? s.substring(0, 20) + "…" : s, String.valueOf(min), String.valueOf(max));
            return null;
        }
        return Integer.parseInt(s);
    }

    private static Money base(Violations v, String raw, Money max) {
        String s = raw == null ? "" : raw.strip().replace(",", "").replace("元", "").strip();
        if (s.isEmpty()) {
            v.add("base", "error.required");
            return null;
        }
        if (!s.matches("-?\\d{1,12}(\\.\\d{1,2})?")) {
            v.add("base", "error.personPayment.base", s.length() > 20 ? s.substring(0, 20) + "…" : s);
            return null;
        }
        BigDecimal b = new BigDecimal(s);
        if (b.signum() <= 0) {
            v.add("base", "error.personPayment.base", s);
            return null;
        }
        if (b.compareTo(max.amount()) > 0) {
            v.add("base", "error.declaration.base.absurd", b.toPlainString(), max.amount().toPlainString());
            return null;
        }
        return new Money(b);
    }
}
