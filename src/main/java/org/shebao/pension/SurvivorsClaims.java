package org.shebao.pension;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Case;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Parameters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * The survivors' claim of a deceased pension recipient (社会保险法 第十七条、第十四条): what it comes to
 * ({@link SurvivorsRule}, shown before approval with its inputs), and at approval the one-off orders of the payroll to
 * the applicant's account: the funeral grant and survivors' benefit (benefit SURVIVORS, account 5003) and the inherited
 * personal-account balance (INHERITANCE, 5004). One award per deceased, held by the database: a second approval, of the
 * same case or of another claim for the same person, is refused and pays nothing.
 */
@Service
@RequiredArgsConstructor
public class SurvivorsClaims {
    /** The form's fields. */
    public static final String DECEASED_ID_NUMBER = "deceasedIdNumber";
    public static final String RELATIONSHIP = "relationship";
    public static final String BANK_ACCOUNT = "bankAccount";
    /** Written by the check: the deceased and the applicant's name; the applicant's person id by the intake. */
    public static final String DECEASED_PERSON_ID = "deceasedPersonId";
    public static final String CLAIMANT_PERSON_ID = Case.APPLICANT_PERSON_ID;
    public static final String CLAIMANT_NAME = "claimantName";

    private static final Set<LineKind> PENSION_MONTHS = EnumSet.of(LineKind.REGULAR, LineKind.PREPAYMENT, LineKind.ARREARS);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Parameters parameters;
    private final Deaths deaths;
    private final Pensions pensions;
    private final Awards awards;
    private final StandingOrders orders;
    private final AuditLog audit;
    private final ObjectMapper json;

    /** The decision as it would be made today, and the payroll month that would pay it. */
    public record Preview(long deceasedId, LocalDate diedOn, SurvivorsRule.Decision decision, YearMonth payrollMonth) {
    }

    /** The approved award of a claim. */
    public record Award(long caseId, long deceasedId, LocalDate diedOn, Relationship relationship, Money funeralGrant,
                        Money survivorsBenefit, Money inheritance, YearMonth payrollMonth, long grantOrder,
                        Long inheritanceOrder, SurvivorsRule.Decision decision, String approvedBy,
                        OffsetDateTime approvedAt) {
        public Money total() {
            return funeralGrant.plus(survivorsBenefit).plus(inheritance);
        }
    }

    /** The deceased's claim already approved, if any (one per deceased). */
    public Optional<String> awardedCase(long deceasedId) {
        return jdbc.sql("SELECT case_reference FROM pension_survivor_award WHERE deceased_id = :d")
                .param("d", deceasedId).query(String.class).optional();
    }

    /**
     * What a claim for the deceased comes to: the monthly pension of the last pension order, the balance of the
     * personal account, the award's personal-account part and the months the payroll paid up to the death month. It
     * is paid by the first month the region has not run yet after the deceased's last payment (or the death month).
     */
    public Preview preview(long deceasedId) {
        Deaths.Death death = deaths.of(deceasedId).orElseThrow(() ->
                new ConflictException(DECEASED_ID_NUMBER, "error.survivors.notDead"));
        List<StandingOrders.Order> pension = deaths.pensionOrders(deceasedId);
        StandingOrders.Order last = pension.stream()
                .max(Comparator.comparing(StandingOrders.Order::from).thenComparing(StandingOrders.Order::id))
                .orElseThrow(() -> new ConflictException(DECEASED_ID_NUMBER, "error.survivors.notRecipient"));
        YearMonth deathMonth = YearMonth.from(death.diedOn());
        int monthsPaid = 0;
        YearMonth lastPaid = deathMonth;
        for (StandingOrders.Order o : pension) {
            List<StandingOrders.Payment> paid = orders.paymentsOf(o.id());
            monthsPaid += (int) paid.stream().filter(p -> PENSION_MONTHS.contains(p.kind()))
                    .filter(p -> !p.benefitMonth().isAfter(deathMonth)).map(StandingOrders.Payment::benefitMonth)
                    .distinct().count();
            for (StandingOrders.Payment p : paid) {
                lastPaid = p.payroll().isAfter(lastPaid) ? p.payroll() : lastPaid;
            }
        }
        Money accountPart = awards.ofPerson(deceasedId).filter(a -> a.calculation() != null)
                .map(a -> awards.calculation(a).accountPart()).orElse(null);
        RegionCode region = new RegionCode(death.regionCode());
        SurvivorsRule.Decision d;
        try {
            d = SurvivorsRule.decide(
                    new SurvivorsRule.Facts(last.monthlyAmount(), death.diedOn(), pensions.accountBalance(deceasedId),
                            accountPart, monthsPaid),
                    parameters.require("pension.survivors.funeralGrant", region, death.diedOn()),
                    parameters.require("pension.survivors.benefitMonths", region, death.diedOn()));
        } catch (Parameters.MissingParameterException e) { // no province standard for the region on the day of death
            throw new ConflictException(DECEASED_ID_NUMBER, "error.survivors.noStandard", death.diedOn().toString());
        }
        return new Preview(deceasedId, death.diedOn(), d,
                orders.firstMonthNotRun(death.regionCode(), lastPaid.plusMonths(1)));
    }

    /**
     * Approval (in the case's approval transaction): the one-off orders to the applicant's account for the payroll
     * month of the preview, and the award, whose keys refuse a second one for the same case or deceased.
     */
    public Award approve(ShebaoUser approver, Case c) {
        long deceased = Long.parseLong(c.form().get(DECEASED_PERSON_ID));
        Preview p = preview(deceased);
        SurvivorsRule.Decision d = p.decision();
        RegionCode region = new RegionCode(c.regionCode());
        String bank = c.form().get(BANK_ACCOUNT);
        String name = c.form().get(CLAIMANT_NAME);
        YearMonth month = p.payrollMonth();
        long grant = oneOff(deceased, region, Benefit.SURVIVORS, d.grants(), month, bank, name, c.reference());
        Long inheritance = d.inheritance().isPositive()
                ? oneOff(deceased, region, Benefit.INHERITANCE, d.inheritance(), month, bank, name, c.reference()) : null;
        try {
            jdbc.sql("""
                    INSERT INTO pension_survivor_award (case_id, region_code, deceased_id, case_reference, died_on,
                           claimant_person_id, relationship, funeral_grant, survivors_benefit, inheritance,
                           payroll_month, grant_order, inheritance_order, decision, approved_by, approved_at)
                    VALUES (:c, :r, :d, :ref, :died, :claimant, :rel, :fg, :sb, :inh, :m, :go, :io, :decision, :by, :now)""")
                    .param("c", c.id()).param("r", c.regionCode()).param("d", deceased).param("ref", c.reference())
                    .param("died", p.diedOn()).param("claimant", Long.parseLong(c.form().get(CLAIMANT_PERSON_ID)))
                    .param("rel", c.form().get(RELATIONSHIP)).param("fg", d.funeralGrant().amount())
                    .param("sb", d.survivorsBenefit().amount()).param("inh", d.inheritance().amount())
                    .param("m", month.atDay(1)).param("go", grant).param("io", inheritance, java.sql.Types.BIGINT)
                    .param("decision", json.writeValueAsString(d)).param("by", approver.getUsername())
                    .param("now", OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) { // rolls the orders back with the approval
            throw new ConflictException(DECEASED_ID_NUMBER, "error.survivors.alreadyPaid",
                    awardedCase(deceased).orElse(c.reference()));
        }
        audit.record(approver.getUsername(), AuditAction.AWARD_DECIDED, "survivors claim " + c.id(),
                "funeral grant " + d.funeralGrant() + " benefit " + d.survivorsBenefit() + " inheritance "
                        + d.inheritance() + " payroll " + month);
        return award(c.id()).orElseThrow();
    }

    /** A one-off order of the payroll month to the applicant's account (the deceased is the order's person). */
    private long oneOff(long deceased, RegionCode region, Benefit benefit, Money amount, YearMonth month, String bank,
                        String name, String reference) {
        long id = orders.registerOrder(new StandingOrders.NewOrder(deceased, region, benefit, OrderKind.LUMP_SUM, amount,
                month, month.atEndOfMonth().plusYears(1), bank, name, "", reference));
        orders.endOrder(id, month);
        return id;
    }

    public Optional<Award> award(long caseId) {
        return jdbc.sql("""
                SELECT case_id, deceased_id, died_on, relationship, funeral_grant, survivors_benefit, inheritance,
                       payroll_month, grant_order, inheritance_order, decision, approved_by, approved_at
                  FROM pension_survivor_award WHERE case_id = :c""").param("c", caseId)
                .query((rs, i) -> new Award(rs.getLong("case_id"), rs.getLong("deceased_id"),
                        rs.getObject("died_on", LocalDate.class), Relationship.valueOf(rs.getString("relationship")),
                        new Money(rs.getBigDecimal("funeral_grant")), new Money(rs.getBigDecimal("survivors_benefit")),
                        new Money(rs.getBigDecimal("inheritance")),
                        YearMonth.from(rs.getObject("payroll_month", LocalDate.class)), rs.getLong("grant_order"),
                        rs.getObject("inheritance_order", Long.class),
                        json.readValue(rs.getString("decision"), SurvivorsRule.Decision.class),
                        rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class)
                                .atZoneSameInstant(clock.getZone()).toOffsetDateTime()))
                .optional();
    }
}
