package org.shebao.residentpension;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldRules;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.ParameterValues;
import org.shebao.policy.Parameters;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The residents' personal accounts (国发〔2014〕8号 五): each year's contribution at the grade the resident chose
 * ({@code residentPension.contribution.gradeRange}) and the government's subsidy (not below
 * {@code residentPension.subsidy.minimumByGrade}), recorded by a clerk of the person's region, one row a year, and
 * booked to the residents' pension fund (Dr 1001 collection account / Cr 4001 contributions, Cr 4201 subsidies).
 */
@Service
@RequiredArgsConstructor
public class ResidentContributions {
    static final String GRADES = "residentPension.contribution.gradeRange";
    static final String SUBSIDY = "residentPension.subsidy.minimumByGrade";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Persons persons;
    private final Enrollments enrollments;
    private final Parameters parameters;
    private final Ledger ledger;
    private final AuditLog audit;

    /** One year of a resident's account. */
    public record Contribution(long id, int year, Money amount, Money subsidy, String recordedBy,
                               OffsetDateTime recordedAt) {
        public Money credited() {
            return amount.plus(subsidy);
        }
    }

    /** A resident's personal account: the years recorded and the balance (contributions + subsidies, no interest). */
    public record PersonalAccount(List<Contribution> years, Money balance) {
        public int contributionYears() {
            return years.size();
        }
    }

    /** A year's contribution and subsidy, entered by a clerk (or an administrator) of the person's region. */
    @Transactional
    public Contribution record(ShebaoUser by, long personId, String rawYear, String rawGrade, String rawSubsidy) {
        if (!by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("resident contribution");
        }
        Person p = persons.person(by, personId);
        LocalDate today = LocalDate.now(clock);
        RegionCode region = new RegionCode(p.regionCode());
        Violations v = new Violations();
        Integer year = null;
        String y = FieldRules.trim(rawYear);
        if (y == null || !y.matches("\\d{4}") || Integer.parseInt(y) < 2009 || Integer.parseInt(y) > today.getYear()) {
            v.add("year", "error.residentPension.year", 2009, today.getYear());
        } else {
            year = Integer.parseInt(y);
        }
        Money amount = money(v, rawGrade, "contributionGrade");
        Money subsidy = money(v, rawSubsidy, "subsidy");
        ParameterValues.Range grades = parameters.range(GRADES, region, today);
        if (amount != null && !grades.contains(amount.amount())) {
            v.add("contributionGrade", "error.residentPension.grade", grades.min().toPlainString(), grades.max().toPlainString(),
                    parameters.require(GRADES, region, today).source());
        }
        if (amount != null && subsidy != null) {
            int least = parameters.brackets(SUBSIDY, region, today).valueFor(amount.amount()).orElse(0);
            if (subsidy.compareTo(Money.yuan(least)) < 0) {
                v.add("subsidy", "error.residentPension.subsidy", least, parameters.require(SUBSIDY, region, today).source());
            }
        }
        v.throwIfAny();
        if (enrollments.enrollmentsOf(by, personId).stream()
                .noneMatch(e -> e.insuranceType() == InsuranceType.RESIDENT_PENSION)) {
            throw InvalidInputException.of("idNumber", "error.residentPension.notResident");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Long id = jdbc.sql("""
                INSERT INTO resident_contribution (region_code, person_id, year, amount, subsidy, recorded_by, recorded_at)
                VALUES (:r, :p, :y, :a, :s, :by, :now)
                ON CONFLICT (person_id, year, region_code) DO NOTHING RETURNING id""")
                .param("r", p.regionCode()).param("p", personId).param("y", year).param("a", amount.amount())
                .param("s", subsidy.amount()).param("by", by.getUsername()).param("now", now)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new ConflictException("year", "error.residentPension.yearRecorded", year);
        }
        ledger.post(Fund.RESIDENT_PENSION, today, "resident-contribution:" + id, by.getUsername(),
                p.name() + " " + year + " 年度城乡居民养老保险个人缴费及政府补贴",
                List.of(new Ledger.Posting(Account.RESIDENT_PENSION_COLLECTION_BANK,
                                Account.RESIDENT_PENSION_CONTRIBUTION_INCOME, amount),
                        new Ledger.Posting(Account.RESIDENT_PENSION_COLLECTION_BANK,
                                Account.RESIDENT_PENSION_SUBSIDY_INCOME, subsidy)));
        audit.record(by.getUsername(), AuditAction.PAYMENT_RECORDED, "person " + personId,
                "resident contribution " + year + ": " + amount + " + subsidy " + subsidy);
        return new Contribution(id, year, amount, subsidy, by.getUsername(), now);
    }

    /** A person's account, for a user who may see the person. */
    public PersonalAccount accountOf(ShebaoUser by, long personId) {
        persons.person(by, personId);
        return account(personId);
    }

    PersonalAccount account(long personId) {
        List<Contribution> years = jdbc.sql("""
                SELECT id, year, amount, subsidy, recorded_by, recorded_at FROM resident_contribution
                 WHERE person_id = :p ORDER BY year""").param("p", personId)
                .query((rs, i) -> new Contribution(rs.getLong("id"), rs.getInt("year"),
                        new Money(rs.getBigDecimal("amount")), new Money(rs.getBigDecimal("subsidy")),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class))).list();
        return new PersonalAccount(years, years.stream().map(Contribution::credited).reduce(Money.ZERO, Money::plus));
    }

    private static Money money(Violations v, String raw, String field) {
        String s = FieldRules.trim(raw);
        if (s == null || !s.matches("\\d{1,7}(\\.\\d{1,2})?")) {
            v.add(field, "error.residentPension.money");
            return null;
        }
        return Money.exact(new BigDecimal(s));
    }
}
