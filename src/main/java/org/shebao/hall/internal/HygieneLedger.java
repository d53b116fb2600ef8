package org.shebao.hall.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hall hygiene ledger (N-2, FJ-2, SX-5): today's checks of a hall, each due by the times of its parameter, done
 * with who and when (and a note); one not done by its time is overdue ({@link HygieneRule}). The first to record a
 * check wins (a unique index); a second is told who did it.
 */
@Service
@RequiredArgsConstructor
public class HygieneLedger {
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HallParameters params;
    private final Appointments appointments;

    /** One due check of the day and what became of it. */
    public record CheckLine(HygieneCheck kind, LocalTime dueAt, HygieneRule.Status status, String doneByName,
                            OffsetDateTime doneAt, String note) {
        public boolean overdue() {
            return status == HygieneRule.Status.OVERDUE;
        }
    }

    private record Done(String kind, LocalTime dueAt, String doneByName, OffsetDateTime doneAt, String note) {
    }

    /** Today's checks of a hall (none on a day the hall is closed), in order of their due times. */
    @Transactional(readOnly = true)
    public List<CheckLine> today(ShebaoUser user, long hallId) {
        Hall hall = appointments.managed(user, hallId);
        LocalDateTime now = LocalDateTime.now(clock);
        return checks(hall, now.toLocalDate(), now);
    }

    /** The checks of a hall on a day, as of now. */
    public List<CheckLine> checks(Hall hall, LocalDate day, LocalDateTime now) {
        if (!params.workingDay(day)) {
            return List.of();
        }
        List<Done> done = jdbc.sql("SELECT kind, due_at, done_by_name, done_at, note FROM hall_hygiene_check "
                        + "WHERE hall_id = :h AND region_code = :r AND day = :d")
                .param("h", hall.id()).param("r", hall.regionCode()).param("d", day).query(Done.class).list();
        List<CheckLine> lines = new ArrayList<>();
        for (HygieneCheck kind : HygieneCheck.values()) {
            for (LocalTime due : params.dueTimes(kind, hall.regionCode(), day)) {
                Optional<Done> d = done.stream()
                        .filter(x -> x.kind().equals(kind.name()) && x.dueAt().equals(due)).findFirst();
                lines.add(new CheckLine(kind, due, HygieneRule.status(day.atTime(due), d.isPresent(), now),
                        d.map(Done::doneByName).orElse(null),
                        d.map(x -> x.doneAt().atZoneSameInstant(clock.getZone()).toOffsetDateTime()).orElse(null),
                        d.map(Done::note).orElse(null)));
            }
        }
        lines.sort(java.util.Comparator.comparing(CheckLine::dueAt).thenComparing(CheckLine::kind));
        return lines;
    }

    /** How many of today's checks of a hall are overdue (for the manager's page). */
    public long overdue(Hall hall) {
        LocalDateTime now = LocalDateTime.now(clock);
        return checks(hall, now.toLocalDate(), now).stream().filter(CheckLine::overdue).count();
    }

    /** Records one of today's checks as done by the user now: the check must be one of today's, not done yet. */
    @Transactional
    public CheckLine record(ShebaoUser user, long hallId, String kindRaw, String dueAtRaw, String noteRaw) {
        Hall hall = appointments.managed(user, hallId);
        Violations v = new Violations();
        HygieneCheck kind = v.oneOf(kindRaw, HygieneCheck.class, "check");
        LocalTime due = Appointments.time(v, dueAtRaw, "dueAt");
        String note = v.text(noteRaw, "note", 200, false);
        v.throwIfAny();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        if (!params.workingDay(today)) {
            throw InvalidInputException.of("check", "error.hall.hygiene.closedDay", today.toString());
        }
        if (!params.dueTimes(kind, hall.regionCode(), today).contains(due)) {
            throw InvalidInputException.of("dueAt", "error.hall.hygiene.notDue", due.toString());
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        int inserted = jdbc.sql("""
                        INSERT INTO hall_hygiene_check (region_code, hall_id, day, kind, due_at, done_by, done_by_name,
                                                        done_at, note)
                        VALUES (:r, :h, :d, :k, :due, :by, :name, :at, :note)
                        ON CONFLICT (hall_id, day, kind, due_at, region_code) DO NOTHING""")
                .param("r", hall.regionCode()).param("h", hall.id()).param("d", today).param("k", kind.name())
                .param("due", due).param("by", user.getUsername()).param("name", user.displayName()).param("at", at)
                .param("note", note).update();
        CheckLine line = checks(hall, today, now).stream()
                .filter(c -> c.kind() == kind && c.dueAt().equals(due)).findFirst().orElseThrow();
        if (inserted == 0) {
            throw new ConflictException("check", "error.hall.hygiene.alreadyDone", line.doneByName(),
                    line.doneAt().toLocalTime().withNano(0).toString());
        }
        return line;
    }
}
