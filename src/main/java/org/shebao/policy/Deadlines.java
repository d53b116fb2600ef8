package org.shebao.policy;

import lombok.RequiredArgsConstructor;
import org.shebao.policy.internal.DeadlineCalculus;
import org.shebao.policy.internal.DeadlineRule;
import org.shebao.policy.internal.TimeLimit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shebao.common.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.util.HashMap;
import java.util.Map;

/**
 * The one deadline service. It counts periods as the Civil Code does ({@link DeadlineCalculus}), computes the
 * emergency deadlines of the rules in {@code policy/measures.yml} (“lifted + 3 months”, “level-1 end + 15 days”),
 * and keeps the deadline of every open item another module {@linkplain #track tracks}: pending while the base date
 * is unknown, concrete the moment an administrator enters it (see {@link Emergencies#enterDates}).
 */
@Service
@RequiredArgsConstructor
public class Deadlines {
    private final PolicyBook book;
    private final Emergencies emergencies;
    private final DeadlineItems items;
    private final Clock clock;

    /** A period counted from a day: “N days / months after D”, moved off a rest day. */
    public DeadlineCalculus.End endOf(LocalDate start, TimeLimit limit) {
        return book.calculus().endOf(start, limit);
    }

    /** N working days after a day (the day itself not counted), on the holiday calendar: service time limits. */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        return book.calculus().plusWorkingDays(start, n);
    }

    /** The current deadline of every item of an owner under a rule, by ref (one read of the emergencies). */
    public Map<TrackedRef, Deadline> trackedAll(String owner, String ruleCode) {
        DeadlineRule rule = book.rule(ruleCode);
        Map<Long, Emergency> byId = new HashMap<>();
        emergencies.all().forEach(e -> byId.put(e.id(), e));
        Map<TrackedRef, Deadline> out = new HashMap<>();
        for (DeadlineItems.Row r : items.findByOwner(owner, ruleCode)) {
            out.put(TrackedRef.fromKey(r.ref()), book.deadline(rule, byId.get(r.emergencyId())));
        }
        return out;
    }

    public List<DeadlineRule> rules() {
        return book.rules();
    }

    public DeadlineRule rule(String code) {
        return book.rule(code);
    }

    /** The period of a deadline rule counted in days (“level-1 end + 15 days” → 15), for other modules' rules. */
    public int periodDays(String code) {
        TimeLimit limit = book.rule(code).limit();
        if (limit.unit() != java.time.temporal.ChronoUnit.DAYS) {
            throw new IllegalArgumentException(code + " is not counted in days: " + limit);
        }
        return limit.amount();
    }

    /** The deadline of a rule for something in {@code region} that happened on {@code on}, without tracking it. */
    public Optional<Deadline> of(String ruleCode, RegionCode region, LocalDate on) {
        DeadlineRule rule = book.rule(ruleCode);
        return book.governing(emergencies.all(), region, on).map(e -> book.deadline(rule, e));
    }

    /**
     * Tracks an open item's deadline: the item (owner's module and its key) gets the deadline of the rule under the
     * emergency governing its region on {@code on}, and keeps it up to date from then on.
     *
     * @throws IllegalStateException when no emergency covers the region on that day (the rule does not apply)
     */
    @Transactional
    public Deadline track(String owner, TrackedRef ref, String label, RegionCode region, LocalDate on, String ruleCode) {
        DeadlineRule rule = book.rule(ruleCode);
        Emergency e = book.governing(emergencies.all(), region, on).orElseThrow(() ->
                new IllegalStateException("no emergency covers " + region + " on " + on + ": " + ruleCode + " does not apply"));
        Deadline d = book.deadline(rule, e);
        items.upsert(owner, ref.key(), label, region.value(), ruleCode, e.id(), d);
        return d;
    }

    /** The current deadline of a tracked item (its open or closed row), recomputed from the emergency's dates. */
    public Optional<Deadline> tracked(String owner, TrackedRef ref, String ruleCode) {
        return items.find(owner, ref.key()).stream().filter(r -> r.ruleCode().equals(ruleCode)).findFirst()
                .map(r -> book.deadline(book.rule(ruleCode), emergencies.get(r.emergencyId())));
    }

    /** The item is done (e.g. the materials arrived): it no longer counts as open. */
    @Transactional
    public boolean close(String owner, TrackedRef ref) {
        return items.close(owner, ref.key()) > 0;
    }

    /** Open items of an emergency under a rule: [pending, with a deadline]. */
    public int[] openCounts(long emergencyId, String ruleCode) {
        return new int[] {items.countOpen(emergencyId, ruleCode, true), items.countOpen(emergencyId, ruleCode, false)};
    }

    /** Every rule's deadline for one emergency, in catalog order. */
    public List<Deadline> forEmergency(Emergency e) {
        return book.rules().stream().map(r -> book.deadline(r, e)).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
