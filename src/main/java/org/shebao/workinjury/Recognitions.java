package org.shebao.workinjury;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Archive;
import org.shebao.casework.Upload;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.internal.ApplicationTimeRule;
import org.shebao.workinjury.internal.FilingLimitRule;
import org.shebao.workinjury.internal.TimeLimits;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work-injury recognition (工伤认定): the work-injury section (or the department) registers an application with every
 * time it reached the department and the evidence of each (FJ-6c); the department accepts it and decides, on screen
 * or from its own system (SX-2). Each step guards the state it starts from, writes the case history and the
 * operation log, in one transaction; bad input is refused with every field at fault and nothing written.
 */
@Service
@RequiredArgsConstructor
public class Recognitions {
    /** One time the application reached the department, with its evidence: a file, a note, or both. */
    public record ClaimInput(String channel, String on, String note, Upload evidence) {
    }

    /** What the section registers. */
    public record Application(String applicant, String injuredOn, String description, boolean medicalWorker,
                              boolean infectedAtWork, boolean sentToEpidemicArea, List<ClaimInput> claims) {
    }

    /** The department's acceptance: the day, and whether the facts are clear (第二十条第二款: 15 days). */
    public record Acceptance(String acceptedOn, boolean clearFacts) {
    }

    /** The department's decision: recognized or not, the day, its document number and a note. */
    public record Decision(String outcome, String decidedOn, String decisionNumber, String note) {
    }

    private final WorkInjuryStore store;
    private final TimeLimits limits;
    private final Persons persons;
    private final Measures measures;
    private final Archive archive;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional
    public Recognition apply(ShebaoUser by, long personId, Application a) {
        if (!by.has(Role.CLERK, Role.REVIEWER, Role.INJURY_RECOGNITION)) {
            throw new AccessDeniedToRecordException("work-injury recognition");
        }
        Person person = persons.person(by, personId); // staff of the person's region only
        RegionCode region = new RegionCode(person.regionCode());
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        Applicant applicant = v.oneOf(a.applicant(), Applicant.class, "applicant");
        LocalDate injured = v.date(a.injuredOn(), "injuredOn", true);
        if (injured != null && injured.isAfter(today)) {
            v.add("injuredOn", "error.date.future", today);
        } else if (injured != null && !limits.knowsInjuryOn(region, injured)) {
            v.add("injuredOn", "error.wi.injuredOn.noRule");
        }
        String description = v.text(a.description(), "description", 200, true);
        List<ApplicationTimeRule.Claim> claims = new ArrayList<>();
        List<ClaimInput> inputs = a.claims() == null ? List.of() : a.claims();
        if (inputs.size() > 8) {
            v.add("claims", "error.wi.claims.tooMany", 8);
            inputs = List.of();
        }
        // a row left empty (no day, no note, no file) is no claim: the screen sends one row per channel
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ClaimInput c = inputs.get(i);
            if (c != null && (notBlank(c.on()) || notBlank(c.note()) || c.evidence() != null)) {
                filled.add(i);
            }
        }
        if (filled.isEmpty() && !v.has("claims")) {
            v.add("claims", "error.wi.claims.none");
        }
        Set<ClaimChannel> seen = new LinkedHashSet<>();
        for (int i : filled) {
            ClaimInput c = inputs.get(i);
            String f = "claims[" + i + "]";
            ClaimChannel ch = v.oneOf(c.channel(), ClaimChannel.class, f + ".channel");
            LocalDate on = v.date(c.on(), f + ".on", true);
            if (on != null && on.isAfter(today)) {
                v.add(f + ".on", "error.date.future", today);
            } else if (on != null && injured != null && on.isBefore(injured)) {
                v.add(f + ".on", "error.wi.claims.beforeInjury", injured);
            }
            String note = v.text(c.note(), f + ".note", 200, false);
            if (note == null && c.evidence() == null && !v.has(f + ".note")) {
                v.add(f + ".evidence", "error.wi.claims.evidence");
            }
            if (c.evidence() != null) {
                FieldViolation bad = archive.check(c.evidence());
                if (bad != null) {
                    v.add(f + ".evidence", bad.code(), bad.args().toArray());
                }
            }
            if (ch != null && !seen.add(ch)) {
                v.add(f + ".channel", "error.wi.claims.twice");
            }
            if (ch != null && on != null) {
                claims.add(new ApplicationTimeRule.Claim(ch, on));
            }
        }
        v.throwIfAny();
        // FJ-6c where it is in force on the day of the first contact, else the formal channels only
        LocalDate first = claims.stream().map(ApplicationTimeRule.Claim::on).min(LocalDate::compareTo).orElseThrow();
        MeasureStatus fj6c = limits.measure(region, first);
        ApplicationTimeRule.Claim at = ApplicationTimeRule.applicationTime(claims, fj6c.inForce())
                .orElseThrow(() -> InvalidInputException.of("claims", "error.wi.claims.phoneOnly"));
        Due filing = limits.filing(applicant, region, injured, at.on());
        if (!FilingLimitRule.inTime(filing)) {
            throw InvalidInputException.of("claims", applicant == Applicant.EMPLOYER
                    ? "error.wi.filing.employerLate" : "error.wi.filing.workerLate", filing.dueOn(), at.on());
        }
        store.lockPerson(personId);
        if (store.sameInjury(personId, injured)) {
            throw new ConflictException("injuredOn", "error.wi.recognition.exists", injured);
        }
        String green = greenClauses(a, region, at.on());
        String appliedRule = fj6c.inForce() ? "FJ-6c" : "FORMAL";
        long id = store.insertRecognition(new WorkInjuryStore.NewRecognition(person.regionCode(), personId, injured,
                description, applicant, a.medicalWorker(), a.infectedAtWork(), a.sentToEpidemicArea(), green, at.on(),
                appliedRule, filing.dueOn(), filing.movedFrom(), filing.rule()), by);
        for (int i : filled) {
            ClaimInput c = inputs.get(i);
            String sha = c.evidence() == null ? null : archive.store(person.regionCode(), c.evidence().bytes());
            store.insertClaim(id, person.regionCode(), ClaimChannel.valueOf(c.channel().strip()),
                    LocalDate.parse(c.on().strip()), sha, c.note() == null || c.note().isBlank() ? null : c.note().strip(), by);
        }
        store.history(id, null, person.regionCode(), "APPLIED", at.on().toString(), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury recognition " + id,
                "APPLIED " + at.on() + (green == null ? "" : " " + green));
        return store.recognition(id).orElseThrow();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** N-4 / SX-4, FJ-4: the green channel's clauses when the case is in it, else null. */
    private String greenClauses(Application a, RegionCode region, LocalDate on) {
        if (!a.infectedAtWork()) {
            return null;
        }
        Set<String> clauses = new LinkedHashSet<>();
        MeasureStatus green = measures.status("GREEN_CHANNEL", region, on);
        if (a.medicalWorker() && green.inForce()) {
            clauses.addAll(green.clauses());
        }
        MeasureStatus deployed = measures.status("GREEN_CHANNEL_DEPLOYED_EMPLOYEES", region, on);
        if (a.sentToEpidemicArea() && deployed.inForce()) {
            clauses.addAll(green.clauses());
            clauses.addAll(deployed.clauses());
        }
        return clauses.isEmpty() ? null : String.join(", ", clauses);
    }

    /** The department accepts the application (受理); the decision deadline starts. */
    @Transactional
    public Recognition accept(ShebaoUser by, long id, Integer version, Acceptance in, String source) {
        Recognition r = forDepartment(by, id, version);
        Violations v = new Violations();
        LocalDate on = v.date(in.acceptedOn(), "acceptedOn", true);
        LocalDate today = LocalDate.now(clock);
        if (on != null && on.isAfter(today)) {
            v.add("acceptedOn", "error.date.future", today);
        } else if (on != null && on.isBefore(r.appliedOn())) {
            v.add("acceptedOn", "error.wi.beforeApplied", r.appliedOn());
        }
        if (!r.status().canMoveTo(RecognitionStatus.ACCEPTED)) {
            v.add("status", "error.wi.recognition.notApplied");
        }
        v.throwIfAny();
        Due due = limits.decision(new RegionCode(r.regionCode()), on, in.clearFacts(),
                r.greenChannel() ? List.of(r.greenClauses().split(", ")) : List.of());
        if (!store.accept(id, r.regionCode(), on, in.clearFacts(), due.dueOn(), due.movedFrom(), due.rule())) {
            throw new ConflictException("status", "error.wi.recognition.notApplied");
        }
        store.history(id, null, r.regionCode(), "ACCEPTED", on + " → " + due.dueOn(), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury recognition " + id,
                "ACCEPTED " + on + " due " + due.dueOn() + " " + source);
        return store.recognition(id).orElseThrow();
    }

    /** The department's decision (认定工伤 or 不予认定). */
    @Transactional
    public Recognition decide(ShebaoUser by, long id, Integer version, Decision in, String source) {
        Recognition r = forDepartment(by, id, version);
        Violations v = new Violations();
        String outcome = in.outcome() == null ? null : in.outcome().strip();
        RecognitionStatus to = null;
        if (outcome == null || outcome.isEmpty()) {
            v.add("outcome", "error.required");
        } else if (outcome.equals("RECOGNIZED") || outcome.equals("NOT_RECOGNIZED")) {
            to = RecognitionStatus.valueOf(outcome);
        } else {
            v.add("outcome", "error.choice");
        }
        LocalDate on = v.date(in.decidedOn(), "decidedOn", true);
        LocalDate today = LocalDate.now(clock);
        if (on != null && on.isAfter(today)) {
            v.add("decidedOn", "error.date.future", today);
        } else if (on != null && r.acceptedOn() != null && on.isBefore(r.acceptedOn())) {
            v.add("decidedOn", "error.wi.beforeAccepted", r.acceptedOn());
        }
        String number = v.text(in.decisionNumber(), "decisionNumber", 50, true);
        String note = v.text(in.note(), "note", 200, false);
        if (!r.status().canMoveTo(RecognitionStatus.RECOGNIZED)) {
            v.add("status", "error.wi.recognition.notAccepted");
        }
        v.throwIfAny();
        if (!store.decide(id, r.regionCode(), to, on, by, source, number, note)) {
            throw new ConflictException("status", "error.wi.recognition.notAccepted");
        }
        store.history(id, null, r.regionCode(), to.name(), on + " " + number + (note == null ? "" : " " + note), by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "work-injury recognition " + id,
                to + " " + on + " " + number + " " + source);
        return store.recognition(id).orElseThrow();
    }

    /** A recognition the department user may act on: 404 when unknown, 403 outside their region or role. */
    /**
     * The recognition for the department's act, at the version the user saw (null: the department's system, which
     * acts on the current one).
     */
    private Recognition forDepartment(ShebaoUser by, long id, Integer version) {
        if (!by.has(Role.INJURY_RECOGNITION)) {
            throw new AccessDeniedToRecordException("work-injury recognition");
        }
        Recognition r = store.recognition(id).orElseThrow(() -> new NotFoundException("work-injury recognition " + id));
        if (!by.region().covers(new RegionCode(r.regionCode()))) {
            throw new AccessDeniedToRecordException("work-injury recognition");
        }
        if (version != null && version != r.version()) {
            throw new ConflictException("version", "error.staleVersion");
        }
        return r;
    }

    /** A recognition the user may see: staff of its region, or the injured person. */
    public Recognition get(ShebaoUser by, long id) {
        Recognition r = store.recognition(id).orElseThrow(() -> new NotFoundException("work-injury recognition " + id));
        boolean own = by.personId() != null && by.personId() == r.personId();
        boolean staff = by.isStaff() && by.region().covers(new RegionCode(r.regionCode()));
        if (!own && !staff) {
            throw new AccessDeniedToRecordException("work-injury recognition");
        }
        return r;
    }

    public Optional<Recognition> find(long id) {
        return store.recognition(id);
    }
}
