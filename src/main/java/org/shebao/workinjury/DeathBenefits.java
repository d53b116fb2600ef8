package org.shebao.workinjury;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.contribution.WageHistory;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Benefit;
import org.shebao.payroll.LineKind;
import org.shebao.payroll.OrderKind;
import org.shebao.payroll.StandingOrders;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.BenefitRule.Clamp;
import org.shebao.workinjury.BenefitRule.OwnWage;
import org.shebao.workinjury.DeathBenefitRule.Decision;
import org.shebao.workinjury.DeathBenefitRule.Dependent;
import org.shebao.workinjury.DeathBenefitRule.Relation;
import org.shebao.workinjury.DeathBenefitRule.Share;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The death of a worker from a recognized work injury (工伤保险条例 第三十九条): a clerk or reviewer of the region records
 * the day of death, the relative who claims the one-off grants and the supported dependents (each a registered
 * person); {@link DeathBenefitRule} decides the funeral grant, the one-time death grant and each dependent's pension,
 * and the payroll pays them from the work-injury fund: the two grants once, the pensions monthly from the month after
 * the death. They are paid from the first month whose payroll the region has not started (from the month after the
 * death); earlier months of the pensions come as arrears in that run. One death per recognition (the database's key).
 */
@Service
@RequiredArgsConstructor
public class DeathBenefits {
    public static final int MAX_DEPENDENTS = 10;
    private static final String BANK_ACCOUNT = "\\d{12,30}";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WorkInjuryStore store;
    private final Recognitions recognitions;
    private final WageHistory wages;
    private final Parameters parameters;
    private final StandingOrders orders;
    private final Persons persons;
    private final AuditLog audit;
    private final ObjectMapper json;

    /** A supported dependent as entered: ID number, relation, lone elder or orphan, bank account. */
    public record DependentInput(String idNumber, String relation, Boolean alone, String bankAccount) {
    }

    /** The death as entered. */
    public record DeathInput(String diedOn, String payeeIdNumber, String payeeBankAccount,
                             List<DependentInput> dependents) {
    }

    /** A dependent as recorded, with its share and pension. */
    public record RecordedDependent(int seq, long personId, String name, Relation relation, boolean alone,
                                    BigDecimal share, Money uncapped, Money amount, long orderId) {
    }

    /** A death as recorded with every input of its decision, the parameters' sources and the orders that pay it. */
    public record Death(long recognitionId, String regionCode, long personId, LocalDate diedOn, int wageMonths,
                        Money wageAverage, Money ownWage, Clamp clamp, Money regionalAverage, int funeralMonths,
                        Money funeralGrant, Money urbanIncome, int grantMultiple, Money deathGrant, Money monthlyTotal,
                        long payeePersonId, String payeeName, YearMonth firstMonth, String recordedByName,
                        List<RecordedDependent> dependents, Map<String, Long> oneOffOrders, Map<String, String> sources) {
        public boolean capped() {
            return dependents.stream().anyMatch(d -> d.amount().compareTo(d.uncapped()) < 0);
        }
    }

    @Transactional
    public Death record(ShebaoUser by, long recognitionId, DeathInput in) {
        Recognition r = recognitions.get(by, recognitionId);
        if (!by.has(Role.CLERK, Role.REVIEWER) || !by.isStaff()) {
            throw new AccessDeniedToRecordException("work-injury death");
        }
        if (r.status() != RecognitionStatus.RECOGNIZED) {
            throw new ConflictException("recognitionId", "error.wi.death.notRecognized");
        }
        if (recorded(r)) {
            throw new ConflictException("recognitionId", "error.wi.death.already");
        }
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        LocalDate died = v.date(in.diedOn(), "diedOn", true);
        if (died != null && died.isAfter(today)) {
            v.add("diedOn", "error.date.future", today);
        } else if (died != null && died.isBefore(r.injuredOn())) {
            v.add("diedOn", "error.wi.death.beforeInjury", r.injuredOn());
        }
        Person payee = person(v, in.payeeIdNumber(), "payeeIdNumber", r);
        bankAccount(v, in.payeeBankAccount(), "payeeBankAccount");
        List<DependentInput> inputs = in.dependents() == null ? List.of() : in.dependents();
        if (inputs.size() > MAX_DEPENDENTS) {
            v.add("dependents", "error.wi.death.tooMany", MAX_DEPENDENTS);
            inputs = List.of();
        }
        List<Person> people = new ArrayList<>();
        List<Dependent> dependents = new ArrayList<>();
        List<String> banks = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        boolean spouse = false;
        for (int i = 0; i < inputs.size(); i++) {
            DependentInput d = inputs.get(i);
            if (d == null || blank(d.idNumber()) && blank(d.relation()) && blank(d.bankAccount())) {
                continue; // a row left empty (the screen sends a few) is no dependent; the others keep their index
            }
            String f = "dependents[" + i + "]";
            Person p = person(v, d.idNumber(), f + ".idNumber", r);
            if (p != null && !seen.add(p.id())) {
                v.add(f + ".idNumber", "error.wi.death.twice");
            }
            Relation relation = v.oneOf(d.relation(), Relation.class, f + ".relation");
            boolean alone = Boolean.TRUE.equals(d.alone());
            if (relation == Relation.SPOUSE && spouse) {
                v.add(f + ".relation", "error.wi.death.twoSpouses");
            } else if (relation == Relation.SPOUSE && alone) {
                v.add(f + ".alone", "error.wi.death.aloneSpouse");
            }
            spouse |= relation == Relation.SPOUSE;
            bankAccount(v, d.bankAccount(), f + ".bankAccount");
            people.add(p);
            dependents.add(new Dependent(relation, alone));
            banks.add(d.bankAccount() == null ? null : d.bankAccount().strip());
        }
        v.throwIfAny();

        RegionCode region = new RegionCode(r.regionCode());
        Decision decision = decide(r, died, dependents);
        YearMonth afterDeath = YearMonth.from(died).plusMonths(1);
        YearMonth first = orders.firstMonthNotRun(r.regionCode(), afterDeath);
        try { // the single winner of two recordings of the same death
            jdbc.sql("""
                    INSERT INTO workinjury_death (recognition_id, region_code, person_id, died_on, wage_months,
                           wage_average, own_wage, own_wage_clamp, regional_average, funeral_months, funeral_grant,
                           urban_income, grant_multiple, death_grant, monthly_total, payee_person_id, first_month,
                           decision, recorded_by, recorded_by_name, recorded_at)
                    VALUES (:rec, :r, :p, :died, :months, :avg, :own, :clamp, :regional, :fm, :funeral, :income,
                            :multiple, :grant, :total, :payee, :first, :decision, :by, :name, :now)""")
                    .param("rec", r.id()).param("r", r.regionCode()).param("p", r.personId()).param("died", died)
                    .param("months", decision.ownWage().months()).param("avg", decision.ownWage().average().amount())
                    .param("own", decision.ownWage().amount().amount()).param("clamp", decision.ownWage().clamp().name())
                    .param("regional", decision.regionalAverage().amount()).param("fm", decision.funeralMonths())
                    .param("funeral", decision.funeralGrant().amount()).param("income", decision.urbanIncome().amount())
                    .param("multiple", decision.grantMultiple()).param("grant", decision.deathGrant().amount())
                    .param("total", decision.monthlyTotal().amount()).param("payee", payee.id())
                    .param("first", first.atDay(1)).param("decision", json.writeValueAsString(decision))
                    .param("by", by.getUsername()).param("name", by.displayName()).param("now", OffsetDateTime.now(clock))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("recognitionId", "error.wi.death.already");
        }
        String ref = "WI-DEATH-" + r.id();
        oneOff(r, region, payee, in.payeeBankAccount().strip(), "FUNERAL", decision.funeralGrant(), first, ref);
        oneOff(r, region, payee, in.payeeBankAccount().strip(), "DEATH_GRANT", decision.deathGrant(), first, ref);
        LocalDate certified = orders.certificationValidUntil(region, today);
        int arrears = (int) afterDeath.until(first, ChronoUnit.MONTHS);
        for (int i = 0; i < dependents.size(); i++) {
            Share s = decision.shares().get(i);
            Person p = people.get(i);
            long order = orders.registerOrder(new StandingOrders.NewOrder(p.id(), region, Benefit.WORK_INJURY,
                    OrderKind.REGULAR, s.amount(), first, certified, banks.get(i), p.name(), "",
                    ref));
            for (int m = 0; m < arrears; m++) {
                YearMonth month = afterDeath.plusMonths(m);
                orders.addAdjustment(order, first, month, LineKind.ARREARS, s.amount(), "ARREARS", "补发供养亲属抚恤金 " + month);
            }
            jdbc.sql("""
                    INSERT INTO workinjury_death_dependent (recognition_id, region_code, seq, person_id, relation, alone,
                           share, uncapped, amount, order_id)
                    VALUES (:rec, :r, :seq, :p, :rel, :alone, :share, :uncapped, :amount, :o)""")
                    .param("rec", r.id()).param("r", r.regionCode()).param("seq", i + 1).param("p", p.id())
                    .param("rel", s.dependent().relation().name()).param("alone", s.dependent().alone())
                    .param("share", s.share()).param("uncapped", s.uncapped().amount()).param("amount", s.amount().amount())
                    .param("o", order).update();
        }
        store.history(r.id(), null, r.regionCode(), "DEATH_RECORDED", died + " · " + decision.funeralGrant() + " + "
                + decision.deathGrant() + " · " + dependents.size() + " × " + decision.monthlyTotal(), by);
        audit.record(by.getUsername(), AuditAction.AWARD_DECIDED, "work-injury death " + r.id(),
                "funeral " + decision.funeralGrant() + " grant " + decision.deathGrant() + " dependents "
                        + decision.monthlyTotal());
        return find(r.id()).orElseThrow();
    }

    /** The decision from the recognition's wages before the injury and the parameters on the day of death. */
    private Decision decide(Recognition r, LocalDate died, List<Dependent> dependents) {
        RegionCode region = new RegionCode(r.regionCode());
        YearMonth injuryMonth = YearMonth.from(r.injuredOn());
        OwnWage own = BenefitRule.ownWage(wages.monthly(r.personId(), injuryMonth.minusMonths(12),
                        injuryMonth.minusMonths(1)).stream().map(WageHistory.MonthlyWage::base).toList(),
                parameters.money("wage.average.monthly", region, r.injuredOn().minusYears(1)),
                parameters.range("workinjury.ownWage.bounds", region, r.injuredOn()));
        return DeathBenefitRule.decide(own, parameters.money("wage.average.monthly", region, died.minusYears(1)),
                parameters.integer("workinjury.death.funeralMonths", region, died),
                parameters.money("workinjury.death.urbanDisposableIncome", region, died.minusYears(1)),
                parameters.integer("workinjury.death.grantMultiple", region, died),
                parameters.rateTable("workinjury.death.dependentShare", region, died), dependents);
    }

    private void oneOff(Recognition r, RegionCode region, Person payee, String bank, String benefit, Money amount,
                        YearMonth month, String ref) {
        long order = orders.registerOrder(new StandingOrders.NewOrder(payee.id(), region, Benefit.WORK_INJURY,
                OrderKind.LUMP_SUM, amount, month, month.atEndOfMonth().plusYears(1), bank, payee.name(), "", ref));
        orders.endOrder(order, month);
        jdbc.sql("INSERT INTO workinjury_death_order (recognition_id, region_code, benefit, order_id) VALUES (:rec, :r, :b, :o)")
                .param("rec", r.id()).param("r", r.regionCode()).param("b", benefit).param("o", order).update();
    }

    /** A registered person other than the worker, or the violation naming the field. */
    private Person person(Violations v, String idNumber, String field, Recognition r) {
        if (idNumber == null || idNumber.isBlank()) {
            v.add(field, "error.required");
            return null;
        }
        Optional<Person> p = v.attempt(() -> persons.personAcrossRegions(idNumber.strip(), field));
        if (p == null) {
            return null;
        }
        if (p.isEmpty()) {
            v.add(field, "error.wi.death.unknownPerson");
            return null;
        }
        if (p.get().id() == r.personId()) {
            v.add(field, "error.wi.death.theWorker");
            return null;
        }
        return p.get();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void bankAccount(Violations v, String raw, String field) {
        if (raw == null || !raw.strip().matches(BANK_ACCOUNT)) {
            v.add(field, "error.bankAccount");
        }
    }

    private boolean recorded(Recognition r) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM workinjury_death WHERE recognition_id = :rec AND region_code = :r)")
                .param("rec", r.id()).param("r", r.regionCode()).query(Boolean.class).single();
    }

    /** The death recorded on a recognition the user may see. */
    public Optional<Death> of(ShebaoUser by, long recognitionId) {
        recognitions.get(by, recognitionId);
        return find(recognitionId);
    }

    private Optional<Death> find(long recognitionId) {
        List<RecordedDependent> dependents = jdbc.sql("""
                SELECT seq, person_id, relation, alone, share, uncapped, amount, order_id FROM workinjury_death_dependent
                 WHERE recognition_id = :rec ORDER BY seq""").param("rec", recognitionId)
                .query((rs, i) -> new RecordedDependent(rs.getInt("seq"), rs.getLong("person_id"),
                        persons.nameOf(rs.getLong("person_id")).orElse(""), Relation.valueOf(rs.getString("relation")),
                        rs.getBoolean("alone"), rs.getBigDecimal("share"), new Money(rs.getBigDecimal("uncapped")),
                        new Money(rs.getBigDecimal("amount")), rs.getLong("order_id"))).list();
        Map<String, Long> oneOffs = new LinkedHashMap<>();
        jdbc.sql("SELECT benefit, order_id FROM workinjury_death_order WHERE recognition_id = :rec ORDER BY benefit DESC")
                .param("rec", recognitionId).query((rs, i) -> oneOffs.put(rs.getString(1), rs.getLong(2))).list();
        return jdbc.sql("SELECT * FROM workinjury_death WHERE recognition_id = :rec").param("rec", recognitionId)
                .query((rs, i) -> {
                    LocalDate died = rs.getObject("died_on", LocalDate.class);
                    String region = rs.getString("region_code");
                    return new Death(recognitionId, region, rs.getLong("person_id"), died, rs.getInt("wage_months"),
                            new Money(rs.getBigDecimal("wage_average")), new Money(rs.getBigDecimal("own_wage")),
                            Clamp.valueOf(rs.getString("own_wage_clamp")), new Money(rs.getBigDecimal("regional_average")),
                            rs.getInt("funeral_months"), new Money(rs.getBigDecimal("funeral_grant")),
                            new Money(rs.getBigDecimal("urban_income")), rs.getInt("grant_multiple"),
                            new Money(rs.getBigDecimal("death_grant")), new Money(rs.getBigDecimal("monthly_total")),
                            rs.getLong("payee_person_id"), persons.nameOf(rs.getLong("payee_person_id")).orElse(""),
                            YearMonth.from(rs.getObject("first_month", LocalDate.class)), rs.getString("recorded_by_name"),
                            dependents, oneOffs, sources(new RegionCode(region), died));
                }).optional();
    }

    /** The source of every parameter the decision read, by key. */
    private Map<String, String> sources(RegionCode region, LocalDate died) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("wage.average.monthly", parameters.require("wage.average.monthly", region, died.minusYears(1)).source());
        out.put("workinjury.death.funeralMonths",
                parameters.require("workinjury.death.funeralMonths", region, died).source());
        out.put("workinjury.death.urbanDisposableIncome",
                parameters.require("workinjury.death.urbanDisposableIncome", region, died.minusYears(1)).source());
        out.put("workinjury.death.grantMultiple", parameters.require("workinjury.death.grantMultiple", region, died).source());
        out.put("workinjury.death.dependentShare",
                parameters.require("workinjury.death.dependentShare", region, died).source());
        return out;
    }
}
