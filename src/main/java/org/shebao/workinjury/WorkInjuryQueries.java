package org.shebao.workinjury;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.internal.TimeLimits;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.stereotype.Service;

/** What the screens and the API show: a recognition with its timeline, the worklists, a person's own progress. */
@Service
@RequiredArgsConstructor
public class WorkInjuryQueries {
    /** An appraisal with its conclusion deadline and, once concluded, its re-appraisal window. */
    public record AppraisalView(Appraisal appraisal, Due conclusion, Due reappraisal, boolean reappraised) {
    }

    /** A recognition with everything the case page shows. */
    public record RecognitionView(Recognition recognition, String personName, String maskedIdNumber,
                                  List<ClaimTime> claims, Due filing, Due decision, List<AppraisalView> appraisals,
                                  List<HistoryEntry> history) {
        /** Every time limit, in the order the case meets them. */
        public List<Due> dues() {
            List<Due> out = new ArrayList<>();
            out.add(filing);
            if (decision != null) {
                out.add(decision);
            }
            for (AppraisalView a : appraisals) {
                out.add(a.conclusion());
                if (a.reappraisal() != null) {
                    out.add(a.reappraisal());
                }
            }
            return out;
        }
    }

    /** One line of a worklist: what waits, for whom, and the deadline that governs it now. */
    public record WorkItem(long recognitionId, Long appraisalId, String stage, String personName,
                           String maskedIdNumber, String regionCode, boolean greenChannel, Due due) {
    }

    private final WorkInjuryStore store;
    private final TimeLimits limits;
    private final Persons persons;
    private final Recognitions recognitions;
    private final Clock clock;

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public RecognitionView view(ShebaoUser by, long id) {
        Recognition r = recognitions.get(by, id);
        Person p = persons.person(by, r.personId());
        return view(r, p);
    }

    private RecognitionView view(Recognition r, Person p) {
        List<Suspension> suspensions = store.suspensions();
        List<Appraisal> appraisals = store.appraisalsOf(r.id());
        List<AppraisalView> views = new ArrayList<>();
        for (Appraisal a : appraisals) {
            Appraisal next = appraisals.stream().filter(x -> x.reappraisalOf() != null && x.reappraisalOf() == a.id())
                    .findFirst().orElse(null);
            views.add(new AppraisalView(a, limits.conclusion(a, suspensions),
                    limits.reappraisal(a, next == null ? null : next.appliedOn()), next != null));
        }
        return new RecognitionView(r, p.name(), p.maskedIdNumber(), store.claims(r.id()), limits.filing(r),
                limits.decision(r), views, store.historyOf(r.id()));
    }

    /** The person's own recognitions and appraisals (portal, app). */
    public List<RecognitionView> mine(ShebaoUser by) {
        if (by.personId() == null) {
            throw new AccessDeniedToRecordException("work injury");
        }
        Person p = persons.person(by, by.personId());
        return store.recognitionsOf(by.personId()).stream().map(r -> view(r, p)).toList();
    }

    /**
     * The worklist of a region and below: recognitions waiting for acceptance or a decision, appraisals waiting for
     * a conclusion, conclusions whose re-appraisal window is open; the department sees recognitions only. Open
     * items first, the nearest deadline first (pending ones after the concrete ones).
     */
    public List<WorkItem> worklist(ShebaoUser by) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("work injury");
        }
        String scope = by.region().scopePrefix();
        LocalDate today = today();
        List<WorkItem> items = new ArrayList<>();
        for (Recognition r : store.recognitionsIn(scope, 300)) {
            Person p = persons.person(by, r.personId());
            Due due = r.acceptedOn() == null ? limits.filing(r) : limits.decision(r);
            items.add(new WorkItem(r.id(), null, "RECOGNITION_" + r.status(), p.name(), p.maskedIdNumber(),
                    r.regionCode(), r.greenChannel(), due));
        }
        if (!by.has(Role.INJURY_RECOGNITION)) {
            List<Suspension> suspensions = store.suspensions();
            for (Appraisal a : store.appraisalsIn(scope, 300)) {
                Person p = persons.person(by, a.personId());
                boolean reappraised = store.hasReappraisal(a.id());
                Due due = !a.concluded() || reappraised ? limits.conclusion(a, suspensions) : limits.reappraisal(a, null);
                String stage = !a.concluded() ? (a.reappraisalOf() == null ? "APPRAISAL_APPLIED" : "REAPPRAISAL_APPLIED")
                        : reappraised ? "APPRAISAL_REAPPRAISED" : "APPRAISAL_CONCLUDED";
                items.add(new WorkItem(a.recognitionId(), a.id(), stage, p.name(), p.maskedIdNumber(), a.regionCode(),
                        false, due));
            }
        }
        items.sort(Comparator.comparing((WorkItem w) -> rank(w.due().status(today)))
                .thenComparing(w -> w.due().dueOn() == null ? LocalDate.MAX : w.due().dueOn()));
        return items;
    }

    private static int rank(Due.Status s) {
        return switch (s) {
            case OVERDUE -> 0;
            case OPEN -> 1;
            case PENDING -> 2;
            case LATE -> 3;
            case MET -> 4;
        };
    }

    public List<Suspension> suspensions() {
        return store.suspensions();
    }
}
