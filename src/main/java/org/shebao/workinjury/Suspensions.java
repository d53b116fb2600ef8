package org.shebao.workinjury;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.MeasureStatus;
import org.shebao.workinjury.internal.TimeLimits;
import org.shebao.workinjury.internal.WorkInjuryStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * FJ-6a (劳动能力专家现场鉴定暂缓，鉴定结论时限相应顺延): an administrator records a period when on-site appraisal is
 * suspended in their jurisdiction, with the reason; every open appraisal of the jurisdiction and below then has its
 * conclusion deadline moved by the suspended days inside its period (computed when read, so none is missed).
 */
@Service
@RequiredArgsConstructor
public class Suspensions {
    private final WorkInjuryStore store;
    private final TimeLimits limits;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional
    public Suspension record(ShebaoUser by, String startsOn, String endsOn, String reason) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedToRecordException("appraisal suspension");
        }
        Violations v = new Violations();
        LocalDate from = v.date(startsOn, "startsOn", true);
        LocalDate to = v.date(endsOn, "endsOn", true);
        String why = v.text(reason, "reason", 200, true);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("endsOn", "error.wi.suspension.order", from);
        } else if (from != null && to != null && to.toEpochDay() - from.toEpochDay() > 366) {
            v.add("endsOn", "error.wi.suspension.tooLong", 366);
        }
        if (from != null && from.isAfter(LocalDate.now(clock).plusDays(366))) {
            v.add("startsOn", "error.wi.suspension.farAhead");
        }
        MeasureStatus fj6a = from == null ? null : limits.measure(by.region(), from);
        if (fj6a != null && !fj6a.inForce()) {
            v.add("startsOn", "error.wi.suspension.notInForce");
        }
        v.throwIfAny();
        String clauses = fj6a.clauses().contains("FJ-6a") ? "FJ-6a" : fj6a.clauseList();
        store.insertSuspension(by.region().value(), from, to, why, clauses, by);
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "appraisal suspension " + by.region().value(),
                from + "–" + to + " " + why);
        return store.suspensions().stream().filter(s -> s.regionCode().equals(by.region().value())
                && s.startsOn().equals(from) && s.endsOn().equals(to)).reduce((a, b) -> b).orElseThrow();
    }

    /** The suspensions that apply to a region (its own and its province's), oldest first. */
    public List<Suspension> covering(String regionCode) {
        org.shebao.common.RegionCode r = new org.shebao.common.RegionCode(regionCode);
        return store.suspensions().stream().filter(s -> new org.shebao.common.RegionCode(s.regionCode()).covers(r)
                || r.covers(new org.shebao.common.RegionCode(s.regionCode()))).toList();
    }
}
