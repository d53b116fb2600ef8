package org.shebao.casework;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseStore.Column;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff's steps on a case ({@link CaseStep}): accept, return once with the complete list of what is missing
 * (一次性告知), pre-review, approve or reject; separation of duties (who accepted does not decide) and optimistic
 * locking (a step on a stale version is refused).
 */
@Service
@RequiredArgsConstructor
public class CaseWorkflow {
    private final CaseStore store;

    @Transactional
    public Case accept(ShebaoUser by, long id, int version) {
        requireRole(by, Role.CLERK, Role.ADMIN);
        Case c = store.get(by, id);
        store.move(c, version, CaseStep.ACCEPT, by, null, null, Map.of(Column.ACCEPTED_BY, by.getUsername()));
        return store.load(id);
    }

    /** Returns a case once, with the complete list of what is missing (一次性告知) and the reason. */
    @Transactional
    public Case returnCase(ShebaoUser by, long id, int version, List<String> missing, String rawReason) {
        requireRole(by, Role.CLERK, Role.ADMIN);
        Case c = store.get(by, id);
        CaseStep.RETURN.from(c.status());
        Violations v = new Violations();
        String reason = v.text(rawReason, "reason", 500, true);
        Set<String> items = store.handler(c.type()).checklist().stream().map(ChecklistItem::code)
                .collect(Collectors.toSet());
        if (missing == null || missing.isEmpty()) {
            v.add("missing", "error.case.missingList");
        } else {
            missing.stream().filter(m -> !items.contains(m)).forEach(m -> v.add("missing", "error.material.unknownItem", m));
        }
        if (c.returnedOnce()) {
            v.add("missing", "error.case.returnedOnce");
        }
        v.throwIfAny();
        List<String> list = List.copyOf(new LinkedHashSet<>(missing));
        store.move(c, version, CaseStep.RETURN, by, reason, String.join("、", list),
                Map.of(Column.RETURNED_ONCE, true, Column.MISSING, list));
        return store.load(id);
    }

    @Transactional
    public Case preReview(ShebaoUser by, long id, int version, String rawOpinion) {
        requireRole(by, Role.CLERK, Role.REVIEWER, Role.ADMIN);
        Case c = store.get(by, id);
        CaseStep.PRE_REVIEW.from(c.status());
        Violations v = new Violations();
        String opinion = v.text(rawOpinion, "opinion", 500, false);
        v.throwIfAny();
        store.move(c, version, CaseStep.PRE_REVIEW, by, opinion, null, Map.of());
        return store.load(id);
    }

    @Transactional
    public Case approve(ShebaoUser by, long id, int version) {
        requireRole(by, Role.REVIEWER, Role.ADMIN);
        Case c = store.get(by, id);
        CaseStep.APPROVE.from(c.status());
        requireOtherThanAcceptor(by, c);
        CaseTypeHandler handler = store.handler(c.type());
        Integer waitsFor = handler.approvalWaitsFor();
        if (waitsFor != null) {
            throw new ConflictException("status", "error.case.approvalNotBuilt", String.valueOf(waitsFor));
        }
        store.move(c, version, CaseStep.APPROVE, by, null, null, Map.of(Column.DECIDED_BY, by.getUsername()));
        Case approved = store.load(id);
        handler.onApproved(by, approved);
        return approved;
    }

    @Transactional
    public Case reject(ShebaoUser by, long id, int version, String rawReason) {
        requireRole(by, Role.REVIEWER, Role.ADMIN);
        Case c = store.get(by, id);
        CaseStep.REJECT.from(c.status());
        requireOtherThanAcceptor(by, c);
        Violations v = new Violations();
        String reason = v.text(rawReason, "reason", 500, true);
        v.throwIfAny();
        store.move(c, version, CaseStep.REJECT, by, reason, null,
                Map.of(Column.DECIDED_BY, by.getUsername(), Column.DECISION_REASON, reason));
        return store.load(id);
    }

    private static void requireOtherThanAcceptor(ShebaoUser by, Case c) {
        if (by.getUsername().equals(c.acceptedBy())) {
            throw new ConflictException("decision", "error.case.sameAsAcceptor");
        }
    }

    private static void requireRole(ShebaoUser by, Role... roles) {
        if (!by.has(roles)) {
            throw new AccessDeniedToRecordException("case action");
        }
    }
}
