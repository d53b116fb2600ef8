package org.shebao.pension;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Benefit;
import org.shebao.ledger.Fund;
import org.shebao.recovery.Cause;
import org.shebao.recovery.Recoveries;
import org.shebao.common.RegionCode;
import org.shebao.payroll.StandingOrders;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The death of a pension recipient, recorded once: by a clerk with its evidence (a death certificate seen, a hospital's
 * or the police's record), or from the civil-affairs death data (SX-2, N-1e: {@link RecordImports}). The standing
 * orders stop after the death month; what completed runs paid for later months is an over-payment, booked as a
 * receivable and shown with the death ({@link RecipientDied} is the recoveries' hook). The first record wins: a second
 * one is refused, naming the date already recorded.
 */
@Service
@RequiredArgsConstructor
public class Deaths {
    public static final String ID_NUMBER = "idNumber";
    public static final String DIED_ON = "diedOn";
    public static final String EVIDENCE = "evidence";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Persons persons;
    private final StandingOrders orders;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Recoveries recoveries;

    /** Where a death record came from. */
    public enum Source {
        CLERK, IMPORT
    }

    /** A recorded death: when, from what, the over-payment it found, by whom. */
    public record Death(long personId, String regionCode, LocalDate diedOn, Source source, String evidence,
                        Money overpaid, String recordedBy, OffsetDateTime recordedAt) {
    }

    /** One month paid after the death, to recover: the payroll month, the amount. */
    public record Overpaid(java.time.YearMonth month, Money amount, String reason) {
    }

    /**
     * A clerk records a recipient's death with its evidence. Refused, naming the field, with nothing written: a
     * malformed or unknown ID number (or one outside the clerk's region), a date missing or in the future, no
     * evidence, a person who is not a pension recipient, a death already recorded.
     */
    @Transactional
    public Death record(ShebaoUser by, String rawIdNumber, String rawDiedOn, String rawEvidence) {
        if (!by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("death record");
        }
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        LocalDate died = v.date(rawDiedOn, DIED_ON, true);
        if (died != null && died.isAfter(today)) {
            v.add(DIED_ON, "error.date.future", today);
        }
        String evidence = v.text(rawEvidence, EVIDENCE, 200, true);
        Person person = null;
        if (rawIdNumber == null || rawIdNumber.isBlank()) {
            v.add(ID_NUMBER, "error.required");
        } else {
            person = v.attempt(() -> persons.personByIdNumber(by, rawIdNumber, ID_NUMBER)
                    .orElseThrow(() -> InvalidInputException.of(ID_NUMBER, "error.case.personUnknown")));
        }
        v.throwIfAny();
        if (!recipient(person.id())) {
            throw InvalidInputException.of(ID_NUMBER, "error.death.notRecipient", person.name());
        }
        long personId = person.id();
        return record(by.getUsername(), person, died, Source.CLERK, evidence)
                .orElseThrow(() -> new ConflictException(ID_NUMBER, "error.death.already",
                        of(personId).map(d -> d.diedOn().toString()).orElse("")));
    }

    /**
     * Records a death once (the first record wins; empty when one was already recorded): stops the person's orders
     * after the death month, books the months paid after it as recoveries, and announces it.
     */
    @Transactional
    public Optional<Death> record(String by, Person person, LocalDate died, Source source, String evidence) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                INSERT INTO pension_death (person_id, region_code, died_on, source, evidence, overpaid, recorded_by,
                                           recorded_at)
                VALUES (:p, :r, :d, :s, :e, 0, :by, :now) ON CONFLICT DO NOTHING""")
                .param("p", person.id()).param("r", person.regionCode()).param("d", died).param("s", source.name())
                .param("e", evidence).param("by", by).param("now", now).update();
        if (n == 0) {
            return Optional.empty();
        }
        Money overpaid = orders.recordDeath(person.id(), died, by);
        jdbc.sql("UPDATE pension_death SET overpaid = :o WHERE person_id = :p AND region_code = :r")
                .param("o", overpaid.amount()).param("p", person.id()).param("r", person.regionCode()).update();
        audit.record(by, AuditAction.DEATH_RECORDED, "person " + person.id(),
                source + " died " + died + " overpaid " + overpaid);
        if (overpaid.isPositive()) { // months paid after the death: a recovery case (booked by the death voucher)
            String voucher = "death:" + person.id() + ":" + died;
            recoveries.open(new Recoveries.Opening(person.id(), person.name(), new RegionCode(person.regionCode()),
                    Fund.PENSION, Benefit.PENSION, Cause.DEATH, voucher, null, null, List.of("N-1e"), overpaid,
                    voucher, by));
        }
        events.publishEvent(new RecipientDied(person.id(), person.regionCode(), died, overpaid));
        return of(person.id());
    }

    /** The person's recorded death, if any. */
    public Optional<Death> of(long personId) {
        return jdbc.sql("""
                SELECT person_id, region_code, died_on, source, evidence, overpaid, recorded_by, recorded_at
                  FROM pension_death WHERE person_id = :p""").param("p", personId)
                .query((rs, i) -> new Death(rs.getLong("person_id"), rs.getString("region_code"),
                        rs.getObject("died_on", LocalDate.class), Source.valueOf(rs.getString("source")),
                        rs.getString("evidence"), new Money(rs.getBigDecimal("overpaid")), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone())
                                .toOffsetDateTime()))
                .optional();
    }

    /** Whether the person has (or had) a pension paid by the payroll. */
    public boolean recipient(long personId) {
        return !pensionOrders(personId).isEmpty();
    }

    /** The person's pension orders (not the survivors' ones), oldest first. */
    List<StandingOrders.Order> pensionOrders(long personId) {
        return orders.ordersOf(personId).stream().filter(o -> o.benefit() == Benefit.PENSION).toList();
    }

    /** The months paid after the death, to recover (the payroll's recovery items of the pension orders). */
    public List<Overpaid> overpaid(long personId) {
        return pensionOrders(personId).stream().flatMap(o -> orders.recoveriesOf(o.id()).stream())
                .map(r -> new Overpaid(r.month(), r.amount(), r.reason())).toList();
    }
}
