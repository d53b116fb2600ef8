package org.shebao.transfer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.contribution.ContributionYear;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.RightsRecord;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Account;
import org.shebao.ledger.Fund;
import org.shebao.ledger.Ledger;
import org.shebao.policy.Parameters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The temporary pension account (临时基本养老保险缴费账户, 国办发〔2009〕66号 暂行办法 第五条第（二）项、第六条) as a record
 * of its own, kept by the agency of the new place (the holder) while the person's record stays where it was:
 * <ul>
 *   <li>opened when the receiving agency accepts a transfer whose decision was a temporary account;</li>
 *   <li>the holder records into it, each year once, the years of contributions made at its place: the personal
 *       account's credits in full and {@code pension.transfer.pooledRate} (12%) of the year's contribution wages
 *       (the same pooled part as a transfer's, {@link TransferRule}); a year is recorded once it is over (on
 *       collection, the current year too), booked Dr 5302 / Cr 2311;</li>
 *   <li>collected (归集) once the person's final place is determined: {@code pension.transfer.recordKeptYears} (10)
 *       years of contributions at the holder (第六条: collected there, Dr 2311 / Cr 5302), or a transfer of the record
 *       accepted by another agency (home or a place that takes it: collected to that agency, Dr 2311 / Cr 1002 and
 *       Dr 1001 / Cr 4301). Single-winner ({@code UPDATE … WHERE status = 'OPEN'}), never twice, in the history,
 *       the person told.</li>
 * </ul>
 */
@Service
@RequiredArgsConstructor
public class TemporaryAccounts {
    static final String POOLED_RATE = "pension.transfer.pooledRate";
    static final String KEPT_YEARS = "pension.transfer.recordKeptYears";
    static final String SOURCE = "国办发〔2009〕66号 暂行办法 第五条第（二）项、第六条";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Contributions contributions;
    private final Parameters parameters;
    private final Transfers transfers;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public enum Status { OPEN, COLLECTED }

    /** Why an account was collected: 10 years at the holder (第六条), or the record's transfer accepted elsewhere. */
    public enum Reason { YEARS_THERE, TRANSFER }

    /** An account as stored, with its totals (the sums of its years). */
    public record TemporaryAccount(long id, long personId, long transferId, String holderRegion, String recordRegion,
                                   Status status, LocalDate openedOn, int months, Money personal, Money pooled,
                                   LocalDate collectedOn, String collectedTo, Reason reason) {
        public Money total() {
            return personal.plus(pooled);
        }

        public boolean open() {
            return status == Status.OPEN;
        }
    }

    /** One year recorded in an account. */
    public record Year(int year, int months, Money monthlyBase, Money personal, Money pooled, LocalDate bookedOn,
                       String bookedBy) {
    }

    public record Event(String action, String actor, OffsetDateTime at, String detail) {
    }

    /**
     * Whether the account may be collected at its holder today (第六条): the months of contributions there, the
     * months required, and the clause with the parameter's source.
     */
    public record Condition(boolean met, int monthsThere, int monthsRequired, String source) {
    }

    private static final String SELECT = """
            SELECT id, person_id, transfer_id, holder_region, record_region, status, opened_on, months, personal, pooled,
                   collected_on, collected_to, collected_reason FROM transfer_temp_account
            """;

    /**
     * After the receiving agency accepted a transfer (called by {@link TransferSteps#accept}): a temporary account
     * opened at the receiving agency when the decision was one; else the record moved to {@code toRegion}, the
     * person's final place, and every open temporary account of theirs is collected there.
     */
    void afterAcceptance(ShebaoUser by, Transfer t) {
        if (t.temporary()) {
            open(by, t);
            return;
        }
        for (TemporaryAccount a : ofPerson(t.personId())) {
            if (a.open()) {
                collect(by, a, t.toRegion(), Reason.TRANSFER);
            }
        }
    }

    private void open(ShebaoUser by, Transfer t) {
        Long id = jdbc.sql("""
                INSERT INTO transfer_temp_account (region_code, person_id, transfer_id, holder_region, record_region,
                                                   status, opened_on, opened_by)
                SELECT region_code, person_id, id, to_region, from_region, 'OPEN', :today, :by
                  FROM transfer_case WHERE id = :t
                ON CONFLICT DO NOTHING RETURNING id""")
                .param("today", LocalDate.now(clock)).param("by", by.getUsername()).param("t", t.id())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // an open account at this agency already: the years made here keep going into it
            return;
        }
        history(id, "OPEN", by.getUsername(), transfers.agency(t.toRegion()) + "建立临时基本养老保险缴费账户，关系保留在"
                + transfers.agency(t.fromRegion()) + "（" + SOURCE + "）");
        TemporaryAccount a = load(id).orElseThrow();
        events.publishEvent(new TemporaryAccountChanged(a.personId(), a.id(), TemporaryAccountChanged.Action.OPENED,
                transfers.agency(a.holderRegion()), null, Money.ZERO, 0));
    }

    /**
     * The holder's clerk, reviewer or finance records the years made at its place that are over, each once: refused,
     * writing nothing, when collected (409) or when there is no such year not recorded yet (400).
     */
    @Transactional
    public TemporaryAccount book(ShebaoUser by, long id) {
        TemporaryAccount a = forHolder(by, id, Role.CLERK, Role.REVIEWER, Role.FINANCE);
        if (!a.open()) {
            throw new ConflictException("temporaryAccount", "error.tempAccount.collected");
        }
        if (!book(by, a, false)) {
            throw InvalidInputException.of("temporaryAccount", "error.tempAccount.nothingToBook");
        }
        return load(id).orElseThrow();
    }

    /**
     * The holder's reviewer or finance collects the account at the holder (第六条): refused, writing nothing, when
     * collected already (409) or when the person does not hold the years there (400, naming the months).
     */
    @Transactional
    public TemporaryAccount collect(ShebaoUser by, long id) {
        TemporaryAccount a = forHolder(by, id, Role.REVIEWER, Role.FINANCE);
        if (!a.open()) {
            throw new ConflictException("temporaryAccount", "error.tempAccount.collected");
        }
        Condition c = condition(a);
        if (!c.met()) {
            throw InvalidInputException.of("temporaryAccount", "error.tempAccount.notMet", c.monthsThere(), c.monthsRequired());
        }
        collect(by, a, a.holderRegion(), Reason.YEARS_THERE);
        return load(id).orElseThrow();
    }

    /** 第六条: the months of contributions at the holder against {@code recordKeptYears} × 12. */
    public Condition condition(TemporaryAccount a) {
        RegionCode holder = new RegionCode(a.holderRegion());
        LocalDate today = LocalDate.now(clock);
        int required = parameters.integer(KEPT_YEARS, holder, today) * 12;
        int there = contributions.rightsRecord(a.personId()).monthsIn(holder.scopePrefix());
        return new Condition(there >= required, there, required,
                "国办发〔2009〕66号 暂行办法 第六条（" + parameters.require(KEPT_YEARS, holder, today).source() + "）");
    }

    private void collect(ShebaoUser by, TemporaryAccount a, String to, Reason reason) {
        LocalDate today = LocalDate.now(clock);
        book(by, a, true);
        int rows = jdbc.sql("""
                UPDATE transfer_temp_account SET status = 'COLLECTED', collected_on = :today, collected_to = :to,
                       collected_by = :by, collected_reason = :reason, version = version + 1
                 WHERE id = :id AND status = 'OPEN'""")
                .param("today", today).param("to", to).param("by", by.getUsername()).param("reason", reason.name())
                .param("id", a.id()).update();
        if (rows == 0) {
            throw new ConflictException("temporaryAccount", "error.tempAccount.collected");
        }
        TemporaryAccount now = load(a.id()).orElseThrow();
        String memo = "临时基本养老保险缴费账户归集至" + transfers.agency(to) + "（临时账户 " + a.id() + "）";
        List<Ledger.Posting> postings = to.equals(a.holderRegion())
                ? List.of(new Ledger.Posting(Account.PENSION_TEMPORARY_ACCOUNTS, Account.PENSION_TEMPORARY_RECORDED, now.total()))
                : List.of(new Ledger.Posting(Account.PENSION_TEMPORARY_ACCOUNTS, Account.PENSION_BANK, now.total()),
                        new Ledger.Posting(Account.PENSION_COLLECTION_BANK, Account.PENSION_TRANSFER_IN, now.total()));
        if (now.total().isPositive()) {
            ledger.post(Fund.PENSION, today, "temp-collect:" + a.id(), by.getUsername(), memo, postings);
        }
        history(a.id(), "COLLECT", by.getUsername(), "归集至" + transfers.agency(to) + "：个人账户 " + now.personal()
                + " 元，统筹基金 " + now.pooled() + " 元，" + now.months() + " 个月（"
                + (reason == Reason.YEARS_THERE ? "在临时账户所在地累计缴费满规定年限，国办发〔2009〕66号 第六条"
                        : "基本养老保险关系转入该地，国办发〔2009〕66号 第五条、第六条") + "）");
        events.publishEvent(new TemporaryAccountChanged(a.personId(), a.id(), TemporaryAccountChanged.Action.COLLECTED,
                transfers.agency(a.holderRegion()), transfers.agency(to), now.total(), now.months()));
    }

    /**
     * Records into the account the years of contributions at the holder not recorded yet: the years that are over,
     * or every year (collection); the amounts booked Dr 5302 / Cr 2311. The account must still be open. Whether a
     * year was recorded.
     */
    private boolean book(ShebaoUser by, TemporaryAccount a, boolean currentYearToo) {
        LocalDate today = LocalDate.now(clock);
        RegionCode holder = new RegionCode(a.holderRegion());
        BigDecimal rate = parameters.decimal(POOLED_RATE, holder, today);
        RightsRecord record = contributions.rightsRecord(a.personId());
        List<Integer> booked = new ArrayList<>();
        int months = 0;
        Money personal = Money.ZERO;
        Money pooled = Money.ZERO;
        for (ContributionYear y : record.years()) {
            if (!y.regionCode().startsWith(holder.scopePrefix()) || y.months() < 1
                    || (!currentYearToo && y.year() >= today.getYear())) {
                continue;
            }
            int m = Math.min(12, y.months());
            Money part = TransferRule.pooledPart(y.monthlyBase().times(m), rate);
            int inserted = jdbc.sql("""
                    INSERT INTO transfer_temp_year (region_code, account_id, year, months, monthly_base, personal, pooled,
                                                    booked_on, booked_by)
                    SELECT region_code, id, :year, :m, :base, :personal, :pooled, :today, :by
                      FROM transfer_temp_account WHERE id = :id AND status = 'OPEN'
                    ON CONFLICT (account_id, year, region_code) DO NOTHING""")
                    .param("year", y.year()).param("m", m).param("base", y.monthlyBase().amount())
                    .param("personal", y.accountCredit().amount()).param("pooled", part.amount())
                    .param("today", today).param("by", by.getUsername()).param("id", a.id()).update();
            if (inserted == 1) {
                booked.add(y.year());
                months += m;
                personal = personal.plus(y.accountCredit());
                pooled = pooled.plus(part);
            }
        }
        if (booked.isEmpty()) {
            return false;
        }
        int rows = jdbc.sql("""
                UPDATE transfer_temp_account SET months = months + :m, personal = personal + :personal,
                       pooled = pooled + :pooled, version = version + 1 WHERE id = :id AND status = 'OPEN'""")
                .param("m", months).param("personal", personal.amount()).param("pooled", pooled.amount())
                .param("id", a.id()).update();
        if (rows == 0) {
            throw new ConflictException("temporaryAccount", "error.tempAccount.collected");
        }
        String years = booked.stream().map(String::valueOf).collect(Collectors.joining(","));
        Money total = personal.plus(pooled);
        if (total.isPositive()) {
            ledger.post(Fund.PENSION, today, "temp-book:" + a.id() + ":" + years, by.getUsername(),
                    "记入临时基本养老保险缴费账户 " + years + " 年度（临时账户 " + a.id() + "）",
                    List.of(new Ledger.Posting(Account.PENSION_TEMPORARY_RECORDED, Account.PENSION_TEMPORARY_ACCOUNTS, total)));
        }
        history(a.id(), "BOOK", by.getUsername(), "记入 " + years + " 年度，" + months + " 个月：个人账户 " + personal
                + " 元，统筹基金 " + pooled + " 元（" + rate.movePointRight(2).stripTrailingZeros().toPlainString()
                + "%，国办发〔2009〕66号 第四条第（二）项）");
        events.publishEvent(new TemporaryAccountChanged(a.personId(), a.id(), TemporaryAccountChanged.Action.BOOKED,
                transfers.agency(a.holderRegion()), null, total, months));
        return true;
    }

    /** The account, if the user may see it: the person, or staff of the holder or of the record's agency. */
    public TemporaryAccount visible(ShebaoUser by, long id) {
        TemporaryAccount a = load(id).orElseThrow(() -> new NotFoundException("temporary account " + id));
        TransferStore.requireVisible(by, a.personId(), a.holderRegion(), a.recordRegion(), "temporary account");
        return a;
    }

    private TemporaryAccount forHolder(ShebaoUser by, long id, Role... roles) {
        TemporaryAccount a = load(id).orElseThrow(() -> new NotFoundException("temporary account " + id));
        if (!by.isStaff() || !by.has(roles) || !by.region().covers(new RegionCode(a.holderRegion()))) {
            throw new AccessDeniedToRecordException("temporary account");
        }
        return a;
    }

    /** Whether the user is staff of the holder in one of the roles (the screens offer the holder's actions). */
    public boolean holderActs(ShebaoUser by, TemporaryAccount a, Role... roles) {
        return a.open() && by.isStaff() && by.has(roles) && by.region().covers(new RegionCode(a.holderRegion()));
    }

    /** The account a transfer opened, if any. */
    public Optional<TemporaryAccount> ofTransfer(ShebaoUser by, long transferId) {
        return jdbc.sql(SELECT + " WHERE transfer_id = :t").param("t", transferId).query(this::map).optional()
                .map(a -> visible(by, a.id()));
    }

    /** The accounts of a person the user may see, newest first. */
    public List<TemporaryAccount> ofPerson(ShebaoUser by, long personId) {
        return ofPerson(personId).stream().filter(a -> {
            try {
                visible(by, a.id());
                return true;
            } catch (AccessDeniedToRecordException e) {
                return false;
            }
        }).toList();
    }

    List<TemporaryAccount> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE person_id = :p ORDER BY id DESC").param("p", personId).query(this::map).list();
    }

    public List<Year> years(long id) {
        return jdbc.sql("""
                SELECT year, months, monthly_base, personal, pooled, booked_on, booked_by FROM transfer_temp_year
                 WHERE account_id = :id ORDER BY year""").param("id", id)
                .query((rs, i) -> new Year(rs.getInt("year"), rs.getInt("months"), new Money(rs.getBigDecimal("monthly_base")),
                        new Money(rs.getBigDecimal("personal")), new Money(rs.getBigDecimal("pooled")),
                        rs.getObject("booked_on", LocalDate.class), rs.getString("booked_by"))).list();
    }

    public List<Event> history(long id) {
        return jdbc.sql("SELECT action, actor, at, detail FROM transfer_temp_history WHERE account_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, i) -> new Event(rs.getString("action"), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                        rs.getString("detail"))).list();
    }

    private Optional<TemporaryAccount> load(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    private void history(long id, String action, String actor, String detail) {
        jdbc.sql("""
                INSERT INTO transfer_temp_history (region_code, account_id, action, actor, at, detail)
                SELECT region_code, id, :action, :actor, :at, :detail FROM transfer_temp_account WHERE id = :id""")
                .param("id", id).param("action", action).param("actor", actor).param("at", OffsetDateTime.now(clock))
                .param("detail", detail.length() > 300 ? detail.substring(0, 299) + "…" : detail).update();
        audit.record(actor, AuditAction.TRANSFER_STEP, "temporary account " + id, action + " " + detail);
    }

    private TemporaryAccount map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String reason = rs.getString("collected_reason");
        return new TemporaryAccount(rs.getLong("id"), rs.getLong("person_id"), rs.getLong("transfer_id"),
                rs.getString("holder_region"), rs.getString("record_region"), Status.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class), rs.getInt("months"), new Money(rs.getBigDecimal("personal")),
                new Money(rs.getBigDecimal("pooled")), rs.getObject("collected_on", LocalDate.class),
                rs.getString("collected_to"), reason == null ? null : Reason.valueOf(reason));
    }
}
