package org.shebao.workinjury;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Archive;
import org.shebao.casework.Upload;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadlines;
import org.shebao.policy.DeadlinesChanged;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.internal.TimeLimits;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labour-capacity appraisal (劳动能力鉴定) of a recognized injury: the application (refused for a person with no
 * recognized injury), the committee's one extension by 30 days (第二十五条), its conclusion (disability grade 1–10
 * or none, nursing level, the conclusion document in the electronic archive) and a re-appraisal requested within
 * the window of 第二十六条 (FJ-6b: tracked by the policy module while the level-1 end is unknown; the person is
 * told when it gets its last day).
 */
@Service
@RequiredArgsConstructor
public class Appraisals {
    /** The committee's conclusion: grade "1"–"10" or NONE, nursing level, when concluded and received. */
    public record Conclusion(String grade, String nursingLevel, String concludedOn, String receivedOn) {
    }

    private final WorkInjuryStore store;
    private final TimeLimits limits;
    private final Persons persons;
    private final Archive archive;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    /**
     * Applies for an appraisal of the person's recognized injury ({@code recognitionId}, or the latest recognized
     * one when null). Refused (400, nothing written) when the person has no recognized injury.
     */
    @Transactional
    public Appraisal apply(ShebaoUser by, long personId, Long recognitionId, String appliedOn) {
        if (!by.has(Role.CLERK, Role.REVIEWER)) {
            throw new AccessDeniedToRecordException("labour-capacity appraisal");
        }
        Person person = persons.person(by, personId);
        Violations v = new Violations();
        LocalDate on = v.date(appliedOn, "appliedOn", true);
        LocalDate today = LocalDate.now(clock);
        if (on != null && on.isAfter(today)) {
            v.add("appliedOn", "error.date.future", today);
        }
        Recognition r = store.recognitionsOf(personId).stream()
                .filter(x -> x.status() == RecognitionStatus.RECOGNIZED)
                .filter(x -> recognitionId == null || x.id() == recognitionId)
                .max(Comparator.comparing(Recognition::decidedOn)).orElse(null);
        if (r == null) {
            v.add(recognitionId == null ? "personId" : "recognitionId", "error.wi.appraisal.notRecognized", person.name());
        } else if (on != null && on.isBefore(r.decidedOn())) {
            v.add("appliedOn", "error.wi.appraisal.beforeRecognized", r.decidedOn());
        }
        v.throwIfAny();
        boolean open = store.appraisalsOf(r.id()).stream().anyMatch(a -> !a.concluded());
        if (open) {
            throw new ConflictException("recognitionId", "error.wi.appraisal.open");
        }
        long id = store.insertAppraisal(r.id(), r.regionCode(), personId, null, on, by);
        Appraisal a = store.appraisal(id).orElseThrow();
        store.history(r.id(), id, r.regionCode(), "APPRAISAL_APPLIED", on + " → " + limits.conclusion(a).dueOn(), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "labour-capacity appraisal " + id, "APPLIED " + on);
        return a;
    }

    /** 第二十五条第二款: the committee extends its time limit once, by 30 days, with a reason. */
    @Transactional
    public Appraisal extend(ShebaoUser by, long id, String reason) {
        Appraisal a = forCommittee(by, id);
        Violations v = new Violations();
        String why = v.text(reason, "reason", 200, true);
        if (a.concluded()) {
            v.add("status", "error.wi.appraisal.concluded");
        } else if (a.extended()) {
            v.add("status", "error.wi.appraisal.extendedAlready");
        }
        v.throwIfAny();
        if (!store.extend(id, a.regionCode(), why)) {
            throw new ConflictException("status", "error.wi.appraisal.extendedAlready");
        }
        Appraisal now = store.appraisal(id).orElseThrow();
        store.history(a.recognitionId(), id, a.regionCode(), "APPRAISAL_EXTENDED",
                why + " → " + limits.conclusion(now).dueOn(), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "labour-capacity appraisal " + id, "EXTENDED");
        return now;
    }

    /** The committee's conclusion, with its document; a grade outside 1–10 is refused, nothing written. */
    @Transactional
    public Appraisal conclude(ShebaoUser by, long id, Conclusion in, Upload document) {
        Appraisal a = forCommittee(by, id);
        Violations v = new Violations();
        Integer grade = null;
        String g = in.grade() == null ? "" : in.grade().strip();
        if (g.isEmpty()) {
            v.add("grade", "error.required");
        } else if (!g.equals("NONE")) {
            if (!g.matches("\\d{1,3}") || Integer.parseInt(g) < 1 || Integer.parseInt(g) > 10) {
                v.add("grade", "error.wi.grade", g);
            } else {
                grade = Integer.parseInt(g);
            }
        }
        NursingLevel nursing = v.oneOf(in.nursingLevel(), NursingLevel.class, "nursingLevel");
        LocalDate concluded = v.date(in.concludedOn(), "concludedOn", true);
        LocalDate received = v.date(in.receivedOn(), "receivedOn", true);
        LocalDate today = LocalDate.now(clock);
        if (concluded != null && concluded.isAfter(today)) {
            v.add("concludedOn", "error.date.future", today);
        } else if (concluded != null && concluded.isBefore(a.appliedOn())) {
            v.add("concludedOn", "error.wi.beforeApplied", a.appliedOn());
        }
        if (received != null && received.isAfter(today)) {
            v.add("receivedOn", "error.date.future", today);
        } else if (received != null && concluded != null && received.isBefore(concluded)) {
            v.add("receivedOn", "error.wi.receivedBeforeConcluded", concluded);
        }
        if (document == null) {
            v.add("document", "error.wi.document.required");
        } else {
            FieldViolation bad = archive.check(document);
            if (bad != null) {
                v.add("document", bad.code(), bad.args().toArray());
            }
        }
        if (a.concluded()) {
            v.add("status", "error.wi.appraisal.concluded");
        }
        v.throwIfAny();
        RegionCode region = new RegionCode(a.regionCode());
        TimeLimits.Window window = limits.window(region, received);
        String sha = archive.store(a.regionCode(), document.bytes());
        String clauses = window.moved() ? String.join(", ", window.due().clauses()) : null;
        if (!store.conclude(id, a.regionCode(), grade, nursing, concluded, received, sha, clauses)) {
            throw new ConflictException("status", "error.wi.appraisal.concluded");
        }
        if (window.moved()) {
            // FJ-6b: the window ends 15 days after the level-1 end; the policy module keeps it (pending → concrete)
            deadlines.track(TimeLimits.OWNER, TimeLimits.reappraisalRef(id), "再次鉴定申请期限（劳动能力鉴定结论）",
                    region, window.ordinaryDue(), TimeLimits.LEVEL1_RULE);
        }
        store.history(a.recognitionId(), id, a.regionCode(), "APPRAISAL_CONCLUDED",
                concluded.toString(), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "labour-capacity appraisal " + id,
                "CONCLUDED grade " + (grade == null ? "none" : grade) + " nursing " + nursing);
        return store.appraisal(id).orElseThrow();
    }

    /** 第二十六条: a re-appraisal asked for within the window (while FJ-6b keeps it pending, always in time). */
    @Transactional
    public Appraisal requestReappraisal(ShebaoUser by, long id, String requestedOn) {
        if (!by.has(Role.CLERK, Role.REVIEWER)) {
            throw new AccessDeniedToRecordException("labour-capacity appraisal");
        }
        Appraisal a = store.appraisal(id).orElseThrow(() -> new NotFoundException("appraisal " + id));
        persons.person(by, a.personId());
        Violations v = new Violations();
        LocalDate on = v.date(requestedOn, "requestedOn", true);
        LocalDate today = LocalDate.now(clock);
        if (!a.concluded()) {
            v.add("status", "error.wi.appraisal.notConcluded");
        } else if (store.hasReappraisal(id)) {
            v.add("status", "error.wi.appraisal.reappraisalExists");
        } else if (on != null && on.isAfter(today)) {
            v.add("requestedOn", "error.date.future", today);
        } else if (on != null && on.isBefore(a.receivedOn())) {
            v.add("requestedOn", "error.wi.beforeReceived", a.receivedOn());
        } else if (on != null) {
            Due window = limits.reappraisal(a, null);
            if (window.dueOn() != null && on.isAfter(window.dueOn())) {
                v.add("requestedOn", "error.wi.reappraisal.late", window.dueOn());
            }
        }
        v.throwIfAny();
        long nid = store.insertAppraisal(a.recognitionId(), a.regionCode(), a.personId(), id, on, by);
        deadlines.close(TimeLimits.OWNER, TimeLimits.reappraisalRef(id));
        store.history(a.recognitionId(), nid, a.regionCode(), "REAPPRAISAL_REQUESTED", on.toString(), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "labour-capacity appraisal " + nid, "REAPPRAISAL of " + id);
        return store.appraisal(nid).orElseThrow();
    }

    /** The committee's acts are recorded by the department or a reviewer of the region (standing in for it). */
    private Appraisal forCommittee(ShebaoUser by, long id) {
        if (!by.has(Role.REVIEWER, Role.INJURY_RECOGNITION)) {
            throw new AccessDeniedToRecordException("labour-capacity appraisal");
        }
        Appraisal a = store.appraisal(id).orElseThrow(() -> new NotFoundException("appraisal " + id));
        if (!by.region().covers(new RegionCode(a.regionCode()))) {
            throw new AccessDeniedToRecordException("labour-capacity appraisal");
        }
        return a;
    }

    /** The policy module fixed (or moved) FJ-6b windows: tell the persons concerned. */
    @ApplicationModuleListener
    void onDeadlines(DeadlinesChanged e) {
        for (DeadlinesChanged.TrackedItem item : e.items()) {
            if (TimeLimits.OWNER.equals(item.owner()) && "reappraisal".equals(item.ref().kind())) {
                store.appraisal(item.ref().id()).ifPresent(a ->
                        events.publishEvent(new ReappraisalWindowChanged(a.personId(), a.id(), e.dueOn())));
            }
        }
    }

    public List<Appraisal> of(long recognitionId) {
        return store.appraisalsOf(recognitionId);
    }
}
