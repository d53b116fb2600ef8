package org.shebao.workinjury.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.policy.CivilPeriods;
import org.shebao.policy.Deadline;
import org.shebao.policy.Deadlines;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.policy.TrackedRef;
import org.shebao.workinjury.Appraisal;
import org.shebao.workinjury.Due;
import org.shebao.workinjury.Recognition;
import org.shebao.workinjury.Suspension;
import org.springframework.stereotype.Component;

/**
 * The time limits of a recognition and of an appraisal, from the pure rules with the parameters in force on the day
 * each period starts, the suspensions (FJ-6a) and the tracked FJ-6b windows; what the services store and the
 * screens show.
 */
@Component
@RequiredArgsConstructor
public class TimeLimits {
    /** Tracked deadlines of this module are keyed under this owner. */
    public static final String OWNER = "workinjury";
    public static final String MEASURE = "APPRAISAL_DEADLINE_EXTENSION";
    public static final String LEVEL1_RULE = "LEVEL1_ENDED_PLUS_15_DAYS";
    public static final String FILING_EMPLOYER = "workinjury.recognition.filingDays.employer";
    public static final String FILING_WORKER = "workinjury.recognition.filingYears.worker";
    public static final String DECISION = "workinjury.recognition.decisionDays";
    public static final String DECISION_CLEAR = "workinjury.recognition.decisionDays.clearFacts";
    public static final String DECISION_GREEN = "workinjury.recognition.decisionWorkingDays.greenChannel";
    public static final String CONCLUSION = "workinjury.appraisal.conclusionDays";
    public static final String EXTENSION = "workinjury.appraisal.extensionDays";
    public static final String REAPPRAISAL = "workinjury.appraisal.reappraisalDays";

    private final Parameters parameters;
    private final CivilPeriods periods;
    private final Measures measures;
    private final Deadlines deadlines;
    private final WorkInjuryStore store;

    public static TrackedRef reappraisalRef(long appraisalId) {
        return TrackedRef.of("reappraisal", appraisalId);
    }

    public Due filing(Recognition r) {
        RegionCode region = new RegionCode(r.regionCode());
        return FilingLimitRule.limit(r.applicant(), r.injuredOn(), r.appliedOn(),
                parameters.integer(FILING_EMPLOYER, region, r.injuredOn()),
                parameters.integer(FILING_WORKER, region, r.injuredOn()), periods);
    }

    public Due filing(org.shebao.workinjury.Applicant applicant, RegionCode region, LocalDate injuredOn, LocalDate appliedOn) {
        return FilingLimitRule.limit(applicant, injuredOn, appliedOn, parameters.integer(FILING_EMPLOYER, region, injuredOn),
                parameters.integer(FILING_WORKER, region, injuredOn), periods);
    }

    /** The decision deadline of an accepted recognition (null before acceptance). */
    public Due decision(Recognition r) {
        if (r.acceptedOn() == null) {
            return null;
        }
        return decision(new RegionCode(r.regionCode()), r.acceptedOn(), Boolean.TRUE.equals(r.clearFacts()),
                r.greenChannel() ? Arrays.asList(r.greenClauses().split(", ")) : List.of())
                .done(r.decidedOn());
    }

    public Due decision(RegionCode region, LocalDate acceptedOn, boolean clearFacts, List<String> greenClauses) {
        // the green channel's limit is asked for only for a case in it (it has no value before the emergency)
        int green = greenClauses.isEmpty() ? 0 : parameters.integer(DECISION_GREEN, region, acceptedOn);
        return DecisionDeadlineRule.due(acceptedOn, clearFacts, greenClauses,
                parameters.integer(DECISION, region, acceptedOn), parameters.integer(DECISION_CLEAR, region, acceptedOn),
                green, periods);
    }

    /** Whether the filing limits have values for an injury on that day (the regulations' 2011 revision on). */
    public boolean knowsInjuryOn(RegionCode region, LocalDate injuredOn) {
        return parameters.find(FILING_EMPLOYER, region, injuredOn).isPresent()
                && parameters.find(FILING_WORKER, region, injuredOn).isPresent();
    }

    /** The committee's conclusion deadline, moved by the suspensions of the appraisal's region (FJ-6a). */
    public Due conclusion(Appraisal a, List<Suspension> all) {
        RegionCode region = new RegionCode(a.regionCode());
        List<AppraisalDeadlineRule.Suspension> here = new ArrayList<>();
        List<String> clauses = new ArrayList<>();
        for (Suspension s : all) {
            if (new RegionCode(s.regionCode()).covers(region)) {
                here.add(new AppraisalDeadlineRule.Suspension(s.startsOn(), s.endsOn(), s.reason()));
                for (String c : s.clauses().split(", ")) {
                    if (!clauses.contains(c)) {
                        clauses.add(c);
                    }
                }
            }
        }
        return AppraisalDeadlineRule.due(a.appliedOn(), parameters.integer(CONCLUSION, region, a.appliedOn()), a.extended(),
                parameters.integer(EXTENSION, region, a.appliedOn()), here, clauses, periods).done(a.concludedOn());
    }

    public Due conclusion(Appraisal a) {
        return conclusion(a, store.suspensions());
    }

    /** What the re-appraisal window of a conclusion received on a day would be now, and whether FJ-6b moves it. */
    public record Window(Due due, MeasureStatus fj6b, LocalDate ordinaryDue) {
        public boolean moved() {
            return due.rule().startsWith("REAPPRAISAL_LEVEL1");
        }
    }

    public Window window(RegionCode region, LocalDate receivedOn) {
        int days = parameters.integer(REAPPRAISAL, region, receivedOn);
        MeasureStatus s = measures.status(MEASURE, region, receivedOn);
        LocalDate declared = s.inForce() && s.emergency() != null ? s.emergency().declaredOn() : null;
        LocalDate level1 = s.inForce() && s.emergency() != null ? s.emergency().level1EndedOn() : null;
        Due due = ReappraisalWindowRule.window(receivedOn, days, s.inForce(), declared, level1,
                deadlines.periodDays(LEVEL1_RULE), s.inForce() ? List.of(fj6b(s)) : List.of(), periods);
        return new Window(due, s, periods.days(receivedOn, days).dueOn());
    }

    /** The re-appraisal window of a concluded appraisal (null before), FJ-6b's from the tracked deadline. */
    public Due reappraisal(Appraisal a, LocalDate requestedOn) {
        if (!a.concluded()) {
            return null;
        }
        RegionCode region = new RegionCode(a.regionCode());
        int days = parameters.integer(REAPPRAISAL, region, a.receivedOn());
        if (a.reappraisalClauses() == null) {
            CivilPeriods.End end = periods.days(a.receivedOn(), days);
            return new Due("REAPPRAISAL", a.receivedOn(), end.dueOn(), end.movedFrom(), "REAPPRAISAL",
                    List.of(String.valueOf(days)), List.of(), null, requestedOn);
        }
        Deadline d = deadlines.tracked(OWNER, reappraisalRef(a.id()), LEVEL1_RULE).orElse(null);
        int after = deadlines.periodDays(LEVEL1_RULE);
        List<String> clauses = List.of(a.reappraisalClauses());
        if (d == null || d.isPending()) {
            return new Due("REAPPRAISAL", a.receivedOn(), null, null, "REAPPRAISAL_LEVEL1_PENDING",
                    List.of(String.valueOf(days), String.valueOf(after), periods.days(a.receivedOn(), days).dueOn().toString()),
                    clauses, null, requestedOn);
        }
        CivilPeriods.End ordinary = periods.days(a.receivedOn(), days);
        if (!ReappraisalWindowRule.movedByEmergency(ordinary.dueOn(), true, a.receivedOn(), d.baseOn())) {
            // the level-1 measures turned out to end before the ordinary window did: FJ-6b does not move it
            return new Due("REAPPRAISAL", a.receivedOn(), ordinary.dueOn(), ordinary.movedFrom(), "REAPPRAISAL",
                    List.of(String.valueOf(days)), List.of(), null, requestedOn);
        }
        return new Due("REAPPRAISAL", a.receivedOn(), d.dueOn(), d.movedFrom(), "REAPPRAISAL_LEVEL1",
                List.of(String.valueOf(days), String.valueOf(after), d.baseOn().toString()), clauses, null, requestedOn);
    }

    /** FJ-6b's clause where the measure is in force (the catalog lists FJ-6a/b/c together: cite the one that applies). */
    private static String fj6b(MeasureStatus s) {
        return s.clauses().contains("FJ-6b") ? "FJ-6b" : s.clauseList();
    }

    public MeasureStatus measure(RegionCode region, LocalDate on) {
        return measures.status(MEASURE, region, on);
    }
}
