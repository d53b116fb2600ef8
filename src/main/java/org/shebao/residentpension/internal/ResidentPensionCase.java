package org.shebao.residentpension.internal;

import java.time.Clock;
import java.time.LocalDate;
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
import org.shebao.common.InvalidInputException;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Enrollments;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.Person;
import org.shebao.residentpension.ResidentPensionClaim;
import org.shebao.residentpension.ResidentPensions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 城乡居民养老保险待遇领取: online (portal, app) or by a clerk on the person's behalf (by phone, FJ-3, with
 * photographed materials under the commitment rule). Refused, naming the field, with nothing written: no bank account,
 * a person not insured in the residents' scheme, a person under the benefit age on the day (国发〔2014〕8号 七), a
 * second claim while one is open or a residents' pension is already awarded.
 */
@Component
@RequiredArgsConstructor
class ResidentPensionCase implements CaseTypeHandler {
    private final ResidentPensions pensions;
    private final Enrollments enrollments;
    private final CaseQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Override
    public CaseType type() {
        return CaseType.RESIDENT_PENSION;
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
        String bank = FieldRules.trim(form.get(ResidentPensions.BANK_ACCOUNT));
        if (bank == null || !bank.matches("\\d{12,30}")) {
            v.add(ResidentPensions.BANK_ACCOUNT, "error.bankAccount");
        }
        v.throwIfAny();
        if (enrollments.enrollmentsOf(submitter, person.id()).stream()
                .noneMatch(e -> e.insuranceType() == InsuranceType.RESIDENT_PENSION)) {
            throw InvalidInputException.of("idNumber", "error.residentPension.notResident");
        }
        LocalDate reached = pensions.benefitAgeReachedOn(person, today);
        if (reached.isAfter(today)) {
            throw InvalidInputException.of("idNumber", "error.residentPension.underAge", reached);
        }
        // one claim at a time per person: concurrent submissions queue here, inside the submission's transaction
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(32, :p)) l")
                .param("p", (int) (person.id() % Integer.MAX_VALUE)).query(Integer.class).single();
        Optional<String> open = queries.openCaseOf(person.id(), CaseType.RESIDENT_PENSION);
        if (open.isPresent()) {
            throw new ConflictException("type", "error.residentPension.openClaim", open.get());
        }
        Optional<ResidentPensionClaim> awarded = pensions.claimOf(submitter, person.id());
        if (awarded.isPresent()) {
            throw new ConflictException("type", "error.residentPension.awarded", awarded.get().caseReference());
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put(ResidentPensions.BANK_ACCOUNT, bank);
        return out;
    }

    @Override
    public String detailsPath(Case c) {
        return "/pension/residents/claims/" + c.id();
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        pensions.approve(approver, c);
    }
}
