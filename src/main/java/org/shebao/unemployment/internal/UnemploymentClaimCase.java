package org.shebao.unemployment.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseTypeHandler;
import org.shebao.casework.ChecklistItem;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldRules;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Enrollment;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.Enrollments;
import org.shebao.registry.Person;
import org.shebao.registry.SeparationReason;
import org.shebao.unemployment.Claim;
import org.shebao.unemployment.UnemploymentClaims;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.shebao.unemployment.UnemploymentClaims.*;

/**
 * 失业保险金申领: online (portal, app) or by a clerk on the person's behalf. The separation evidence is the employer's
 * 减员 in the registry (the day and the reason); when the employer has not filed it, a clerk enters the day and the
 * reason, and is recorded as who entered them. Refused, naming the field, with nothing written: a separation day in
 * the future, an applicant still employed (an open employee or flexible enrollment), a second claim while one is open
 * or paying, earlier unused months outside 0–24 (失业保险条例 第十七条), no declaration of being registered as
 * unemployed and seeking work.
 */
@Component
@RequiredArgsConstructor
class UnemploymentClaimCase implements CaseTypeHandler {
    private final UnemploymentClaims claims;
    private final Enrollments enrollments;
    private final CaseQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public CaseType type() {
        return CaseType.UNEMPLOYMENT_BENEFIT;
    }

    @Override
    public boolean benefit() {
        return true;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of(new ChecklistItem("ID_CARD", true));
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person person, Map<String, String> form) {
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        String bank = FieldRules.trim(form.get(BANK_ACCOUNT));
        if (bank == null || !bank.matches("\\d{12,30}")) {
            v.add(BANK_ACCOUNT, "error.bankAccount");
        }
        if (!"true".equals(form.get(REGISTERED_SEEKING))) {
            v.add(REGISTERED_SEEKING, "error.unemployment.registered");
        }
        LocalDate entered = v.date(form.get(SEPARATED_ON), SEPARATED_ON, false);
        if (entered != null && entered.isAfter(today)) {
            v.add(SEPARATED_ON, "error.unemployment.separatedOn.future", today);
        }
        String rawReason = FieldRules.trim(form.get(SEPARATION_REASON));
        SeparationReason enteredReason = rawReason == null ? null : v.oneOf(rawReason, SeparationReason.class,
                SEPARATION_REASON);
        int earlierUnused = 0;
        String rawUnused = FieldRules.trim(form.get(EARLIER_UNUSED));
        if (rawUnused != null) {
            if (!submitter.isStaff()) {
                v.add(EARLIER_UNUSED, "error.unemployment.earlierUnused.staff");
            } else if (!rawUnused.matches("\\d{1,3}") || Integer.parseInt(rawUnused) > 24) {
                v.add(EARLIER_UNUSED, "error.unemployment.earlierUnused", 24);
            } else {
                earlierUnused = Integer.parseInt(rawUnused);
            }
        }
        v.throwIfAny();

        // one claim at a time per person: concurrent submissions queue here, inside the submission's transaction
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(13, :p)) l")
                .param("p", (int) (person.id() % Integer.MAX_VALUE)).query(Integer.class).single();
        Optional<String> open = queries.openCaseOf(person.id(), CaseType.UNEMPLOYMENT_BENEFIT);
        if (open.isPresent()) {
            throw new ConflictException("type", "error.unemployment.openClaim", open.get());
        }
        Optional<Claim> paying = claims.payingClaim(person.id(), YearMonth.from(today));
        if (paying.isPresent()) {
            throw new ConflictException("type", "error.unemployment.payingClaim", paying.get().caseReference(),
                    paying.get().lastMonth());
        }
        List<Enrollment> all = enrollments.enrollmentsOf(submitter, person.id());
        Optional<Enrollment> working = all.stream().filter(Enrollment::open)
                .filter(e -> e.category() != EnrollmentCategory.RESIDENT).findFirst();
        if (working.isPresent()) {
            throw org.shebao.common.InvalidInputException.of(SEPARATED_ON, "error.unemployment.stillEmployed",
                    working.get().employerName() == null ? "" : working.get().employerName());
        }
        Optional<Enrollment> separation = all.stream()
                .filter(e -> e.category() == EnrollmentCategory.EMPLOYEE && e.endedOn() != null && e.endReason() != null)
                .max(Comparator.comparing(Enrollment::endedOn));
        Map<String, String> out = new LinkedHashMap<>();
        out.put(BANK_ACCOUNT, bank);
        out.put(REGISTERED_SEEKING, "true");
        if (separation.isPresent()) {
            // the employer's 减员 is the evidence; what a form says about it is not asked
            Enrollment e = separation.get();
            out.put(SEPARATED_ON, e.endedOn().toString());
            out.put(SEPARATION_REASON, e.endReason().name());
            out.put(SEPARATION_SOURCE, "REGISTRY");
            out.put(EMPLOYER_NAME, e.employerName() == null ? "" : e.employerName());
        } else if (!submitter.isStaff()) {
            throw org.shebao.common.InvalidInputException.of(SEPARATED_ON, "error.unemployment.noSeparation");
        } else {
            if (entered == null) {
                v.add(SEPARATED_ON, "error.required");
            }
            if (enteredReason == null) {
                v.add(SEPARATION_REASON, "error.required");
            }
            v.throwIfAny();
            out.put(SEPARATED_ON, entered.toString());
            out.put(SEPARATION_REASON, enteredReason.name());
            out.put(SEPARATION_SOURCE, "CLERK");
            out.put(SEPARATION_ENTERED_BY, submitter.getUsername());
            out.put(SEPARATION_ENTERED_BY_NAME, submitter.displayName());
            out.put(EMPLOYER_NAME, "");
        }
        if (earlierUnused > 0) {
            out.put(EARLIER_UNUSED, String.valueOf(earlierUnused));
        }
        return out;
    }

    @Override
    public String detailsPath(Case c) {
        return "/unemployment/claims/" + c.id();
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        claims.approve(approver, c);
    }
}
