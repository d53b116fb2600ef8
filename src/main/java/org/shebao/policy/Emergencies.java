package org.shebao.policy;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import lombok.RequiredArgsConstructor;
import org.shebao.policy.internal.DeadlineRule;
import org.shebao.policy.internal.EmergencyChange;
import org.shebao.policy.internal.EmergencyDate;
import org.shebao.policy.internal.EmergencyDateChanged;
import org.shebao.policy.internal.EmergencyDeclared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldRules;
import org.shebao.common.NotFoundException;
import org.shebao.common.PlainText;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Emergencies and their dates. An administrator declares one for a jurisdiction in their scope and later enters
 * {@code level1EndedOn} and {@code liftedOn}; a date already entered can be corrected, with a reason. Every change
 * is in the emergency's history, and in the same transaction every open deadline item that counts from the
 * changed date gets its new deadline ({@link DeadlinesChanged} tells the modules that own them).
 */
@Service
@RequiredArgsConstructor
public class Emergencies {
    private static final Logger log = LoggerFactory.getLogger(Emergencies.class);

    /** The result of entering dates: the emergency as it now is, and how many open items got a concrete deadline
     *  (and how many changed one they already had, or went back to pending). */
    public record DatesEntered(Emergency emergency, int itemsGotDeadline, int itemsRescheduled, int itemsPendingAgain) {
    }

    /**
     * An emergency as an administrator declares it: the jurisdiction's code, its name, the day (text, so that a
     * wrong day is named). The name's rule is its annotation; region and day are checked by {@link #declare}.
     */
    public record Declaration(String region, @NotBlank @PlainText(max = 100) String name, String declaredOn) {
        public Declaration {
            name = FieldRules.trim(name);
        }
    }

    /**
     * Dates entered on an emergency: a blank date leaves it as it is unless its {@code clear} is set; a reason is
     * needed to change a date already entered. The reason's length is its annotation; the dates, and what they must
     * be relative to each other and to the declaration, are checked by {@link #enterDates}.
     */
    public record DateEntry(String level1EndedOn, String liftedOn, @PlainText(max = 200) String reason,
                            Boolean clearLevel1, Boolean clearLifted) {
        public DateEntry {
            reason = FieldRules.trim(reason);
            // a box left unticked is not posted at all
            clearLevel1 = Boolean.TRUE.equals(clearLevel1);
            clearLifted = Boolean.TRUE.equals(clearLifted);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PolicyBook book;
    private final DeadlineItems items;
    private final ApplicationEventPublisher events;
    private final Validator validator;

    public List<Emergency> all() {
        return jdbc.sql("SELECT id, region_code, name, declared_on, level1_ended_on, lifted_on, version"
                        + " FROM policy_emergency ORDER BY region_code, declared_on")
                .query(Emergencies::row).list();
    }

    /** The emergencies an administrator of {@code scope} sees: those above (they apply there) and those below. */
    public List<Emergency> visibleTo(RegionCode scope) {
        return all().stream().filter(e -> e.region().covers(scope) || scope.covers(e.region())).toList();
    }

    public Emergency get(long id) {
        return jdbc.sql("SELECT id, region_code, name, declared_on, level1_ended_on, lifted_on, version"
                        + " FROM policy_emergency WHERE id = :id")
                .param("id", id).query(Emergencies::row).optional()
                .orElseThrow(() -> new NotFoundException("emergency " + id));
    }

    /** The emergency a region is in on a day (the nearest jurisdiction's), if any. */
    public Optional<Emergency> ongoing(RegionCode region, LocalDate on) {
        return book.ongoing(all(), region, on);
    }

    public List<EmergencyChange> history(long id) {
        return jdbc.sql("SELECT id, field, old_value, new_value, reason, changed_by, changed_at"
                        + " FROM policy_emergency_change WHERE emergency_id = :id ORDER BY id")
                .param("id", id)
                .query((rs, i) -> new EmergencyChange(rs.getLong("id"), rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getObject("changed_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime()))
                .list();
    }

    @Transactional
    public Emergency declare(ShebaoUser by, Declaration d) {
        requireAdmin(by);
        Violations v = Violations.of(validator.validate(d));
        RegionCode region = v.attempt(() -> book.jurisdictions().requireServed(d.region(), "region").code());
        String name = d.name();
        LocalDate declared = v.date(d.declaredOn(), "declaredOn", true);
        LocalDate today = LocalDate.now(clock);
        if (declared != null && declared.isAfter(today)) {
            v.add("declaredOn", "error.date.future", today);
        }
        v.throwIfAny();
        if (!by.region().covers(region)) {
            throw new AccessDeniedToRecordException("emergency");
        }
        for (Emergency e : all()) {
            if (e.region().equals(region) && (e.liftedOn() == null || !e.liftedOn().isBefore(declared))) {
                throw new ConflictException("declaredOn", "error.emergency.overlap", e.name());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                INSERT INTO policy_emergency (region_code, name, declared_on, created_at, created_by, updated_at, updated_by)
                VALUES (:r, :n, :d, :now, :by, :now, :by) RETURNING id""")
                .param("r", region.value()).param("n", name).param("d", declared).param("now", now)
                .param("by", by.getUsername()).query(Long.class).single();
        change(id, "DECLARE", null, declared.toString(), null, by.getUsername(), now);
        log.info("Emergency {} declared for {} from {} by {}", id, region, declared, by.getUsername());
        events.publishEvent(new EmergencyDeclared(id, region, name, declared));
        return get(id);
    }

    /**
     * Enters or corrects the level-1 end and lifted dates. A blank field leaves a date as it is unless
     * {@code clear} names it; changing a date already entered needs a reason.
     */
    @Transactional
    public DatesEntered enterDates(ShebaoUser by, long id, int version, DateEntry d) {
        requireAdmin(by);
        Emergency e = get(id);
        if (!by.region().covers(e.region())) {
            throw new AccessDeniedToRecordException("emergency");
        }
        Violations v = Violations.of(validator.validate(d));
        LocalDate level1 = d.clearLevel1() ? null : v.date(d.level1EndedOn(), "level1EndedOn", false);
        LocalDate lifted = d.clearLifted() ? null : v.date(d.liftedOn(), "liftedOn", false);
        String reason = d.reason();
        v.throwIfAny();
        if (level1 == null && !d.clearLevel1()) {
            level1 = e.level1EndedOn();
        }
        if (lifted == null && !d.clearLifted()) {
            lifted = e.liftedOn();
        }
        boolean level1Changed = !Objects.equals(level1, e.level1EndedOn());
        boolean liftedChanged = !Objects.equals(lifted, e.liftedOn());
        if (!level1Changed && !liftedChanged) {
            v.add(d.liftedOn() == null || d.liftedOn().isBlank() ? "level1EndedOn" : "liftedOn", "error.emergency.noChange");
        }
        if (level1 != null && level1.isBefore(e.declaredOn())) {
            v.add("level1EndedOn", "error.emergency.level1BeforeDeclared", e.declaredOn());
        }
        if (lifted != null && lifted.isBefore(e.declaredOn())) {
            v.add("liftedOn", "error.emergency.liftedBeforeDeclared", e.declaredOn());
        } else if (lifted != null && level1 != null && lifted.isBefore(level1)) {
            v.add("liftedOn", "error.emergency.liftedBeforeLevel1", level1);
        }
        if (reason == null && ((level1Changed && e.level1EndedOn() != null) || (liftedChanged && e.liftedOn() != null))) {
            v.add("reason", "error.emergency.reasonRequired");
        }
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                UPDATE policy_emergency SET level1_ended_on = :l1, lifted_on = :lifted, updated_at = :now,
                       updated_by = :by, version = version + 1
                 WHERE id = :id AND version = :version""")
                .param("l1", level1).param("lifted", lifted).param("now", now).param("by", by.getUsername())
                .param("id", id).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        List<EmergencyDateChanged> changes = new ArrayList<>();
        if (level1Changed) {
            change(id, "level1EndedOn", str(e.level1EndedOn()), str(level1), reason, by.getUsername(), now);
            changes.add(new EmergencyDateChanged(id, e.region(), EmergencyDate.LEVEL1_ENDED, e.level1EndedOn(), level1,
                    by.getUsername(), reason));
        }
        if (liftedChanged) {
            change(id, "liftedOn", str(e.liftedOn()), str(lifted), reason, by.getUsername(), now);
            changes.add(new EmergencyDateChanged(id, e.region(), EmergencyDate.LIFTED, e.liftedOn(), lifted,
                    by.getUsername(), reason));
        }
        Emergency updated = get(id);
        int[] counts = reschedule(e, updated);
        log.info("Emergency {} dates set by {}: level1EndedOn={}, liftedOn={}; {} items got a deadline, {} rescheduled",
                id, by.getUsername(), level1, lifted, counts[0], counts[1]);
        changes.forEach(events::publishEvent);
        if (liftedChanged && lifted != null) {
            events.publishEvent(new EmergencyLifted(id, e.region(), lifted));
        }
        return new DatesEntered(updated, counts[0], counts[1], counts[2]);
    }

    /** Brings every open item of the emergency up to date; [got a deadline, rescheduled, pending again]. */
    private int[] reschedule(Emergency before, Emergency after) {
        int[] counts = new int[3];
        for (DeadlineRule rule : book.rules()) {
            Deadline old = book.deadline(rule, before);
            Deadline now = book.deadline(rule, after);
            List<DeadlineItems.Row> changed = items.reschedule(after.id(), rule.code(), now);
            if (changed.isEmpty()) {
                continue;
            }
            for (DeadlineItems.Row r : changed) {
                if (now.dueOn() == null) {
                    counts[2]++;
                } else if (old.dueOn() == null) {
                    counts[0]++;
                } else {
                    counts[1]++;
                }
            }
            events.publishEvent(new DeadlinesChanged(after.id(), rule.code(), now.dueOn(), old.dueOn(),
                    changed.stream().map(r -> new DeadlinesChanged.TrackedItem(r.owner(), TrackedRef.fromKey(r.ref()), r.label())).toList()));
        }
        return counts;
    }

    /** Imports the emergencies of {@code policy/emergencies.yml} not imported before (by key). */
    @Transactional
    public int importSeeds() {
        int n = 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (PolicyBook.EmergencySeed s : book.emergencySeeds()) {
            Long id = jdbc.sql("""
                    INSERT INTO policy_emergency (region_code, name, declared_on, level1_ended_on, lifted_on, seed_key,
                                                  created_at, created_by, updated_at, updated_by)
                    VALUES (:r, :n, :d, :l1, :lifted, :key, :now, 'system', :now, 'system')
                    ON CONFLICT (seed_key) DO NOTHING RETURNING id""")
                    .param("r", s.region().value()).param("n", s.name()).param("d", s.declaredOn())
                    .param("l1", s.level1EndedOn()).param("lifted", s.liftedOn()).param("key", s.key())
                    .param("now", now).query(Long.class).optional().orElse(null);
            if (id != null) {
                change(id, "DECLARE", null, s.declaredOn().toString(), "policy/emergencies.yml: " + s.source(), "system", now);
                n++;
            }
        }
        return n;
    }

    private void change(long id, String field, String oldValue, String newValue, String reason, String by,
                        OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO policy_emergency_change (emergency_id, field, old_value, new_value, reason, changed_by, changed_at)
                VALUES (:id, :f, :o, :n, :r, :by, :at)""")
                .param("id", id).param("f", field).param("o", oldValue).param("n", newValue).param("r", reason)
                .param("by", by).param("at", at).update();
    }

    private static void requireAdmin(ShebaoUser by) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedToRecordException("emergency");
        }
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static Emergency row(ResultSet rs, int i) throws SQLException {
        return new Emergency(rs.getLong("id"), new RegionCode(rs.getString("region_code")), rs.getString("name"),
                rs.getObject("declared_on", LocalDate.class), rs.getObject("level1_ended_on", LocalDate.class), rs.getObject("lifted_on", LocalDate.class),
                rs.getInt("version"));
    }
}
