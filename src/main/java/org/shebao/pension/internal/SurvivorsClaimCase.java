package org.shebao.pension.internal;

import static org.shebao.pension.SurvivorsClaims.*;

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
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.Deaths;
import org.shebao.pension.Relationship;
import org.shebao.pension.SurvivorsClaims;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 丧葬补助金和抚恤金申领 (社会保险法 第十七条) with the personal-account balance inherited (第十四条): a family member applies
 * online (portal, app) or a clerk registers it for them; the case is the deceased's, the family member its applicant.
 * Asks for the death certificate (and, optional, the proof of the relationship); the commitment rule applies to them
 * as to any case where it is in force (SX-3, FJ-3). Refused, naming the field, with nothing written: a malformed or
 * unknown ID number of the deceased, the applicant's own, a person whose death is not recorded, a person who was not a
 * pension recipient, a relationship not in the list, a bad bank account; a claim while another for the same deceased
 * is open, or after one was approved.
 */
@Component
@RequiredArgsConstructor
class SurvivorsClaimCase implements CaseTypeHandler {
    private final Persons persons;
    private final Deaths deaths;
    private final SurvivorsClaims claims;
    private final CaseQueries queries;
    private final JdbcClient jdbc;

    @Override
    public CaseType type() {
        return CaseType.SURVIVORS_CLAIM;
    }

    @Override
    public boolean benefit() {
        return true;
    }

    @Override
    public List<ChecklistItem> checklist() {
        return List.of(new ChecklistItem("DEATH_CERTIFICATE", true), new ChecklistItem("RELATIONSHIP_PROOF", false));
    }

    @Override
    public Map<String, String> check(ShebaoUser submitter, Person applicant, Map<String, String> form) {
        Violations v = new Violations();
        String bank = FieldRules.trim(form.get(BANK_ACCOUNT));
        if (bank == null || !bank.matches("\\d{12,30}")) {
            v.add(BANK_ACCOUNT, "error.bankAccount");
        }
        String rawRelationship = FieldRules.trim(form.get(RELATIONSHIP));
        Relationship relationship = rawRelationship == null ? null
                : v.oneOf(rawRelationship, Relationship.class, RELATIONSHIP);
        if (rawRelationship == null) {
            v.add(RELATIONSHIP, "error.required");
        }
        String rawId = FieldRules.trim(form.get(DECEASED_ID_NUMBER));
        Person deceased = null;
        if (rawId == null) {
            v.add(DECEASED_ID_NUMBER, "error.required");
        } else {
            deceased = v.attempt(() -> persons.personAcrossRegions(rawId, DECEASED_ID_NUMBER).orElseThrow(() ->
                    InvalidInputException.of(DECEASED_ID_NUMBER, "error.survivors.deceasedUnknown")));
        }
        v.throwIfAny();
        if (deceased.id() == applicant.id()) {
            throw InvalidInputException.of(DECEASED_ID_NUMBER, "error.survivors.self");
        }
        if (submitter.isStaff() && !submitter.region().covers(new RegionCode(deceased.regionCode()))) {
            throw InvalidInputException.of(DECEASED_ID_NUMBER, "error.survivors.otherRegion");
        }
        if (!deaths.recipient(deceased.id())) {
            throw InvalidInputException.of(DECEASED_ID_NUMBER, "error.survivors.notRecipient");
        }
        if (deaths.of(deceased.id()).isEmpty()) {
            throw InvalidInputException.of(DECEASED_ID_NUMBER, "error.survivors.notDead");
        }
        // one claim at a time per deceased: concurrent submissions queue here, inside the submission's transaction
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(27, :p)) l")
                .param("p", (int) (deceased.id() % Integer.MAX_VALUE)).query(Integer.class).single();
        Optional<String> open = queries.openCaseOf(deceased.id(), CaseType.SURVIVORS_CLAIM);
        if (open.isPresent()) {
            throw new ConflictException(DECEASED_ID_NUMBER, "error.survivors.openClaim", open.get());
        }
        Optional<String> paid = claims.awardedCase(deceased.id());
        if (paid.isPresent()) {
            throw new ConflictException(DECEASED_ID_NUMBER, "error.survivors.alreadyPaid", paid.get());
        }
        claims.preview(deceased.id()); // decidable: a standard in force where and when the person died
        Map<String, String> out = new LinkedHashMap<>();
        out.put(DECEASED_ID_NUMBER, deceased.maskedIdNumber());
        out.put(RELATIONSHIP, relationship.name());
        out.put(BANK_ACCOUNT, bank);
        out.put(DECEASED_PERSON_ID, String.valueOf(deceased.id()));
        out.put(CLAIMANT_NAME, applicant.name());
        return out;
    }

    @Override
    public Person subject(Map<String, String> checkedForm) {
        return persons.personAcrossRegions(Long.parseLong(checkedForm.get(DECEASED_PERSON_ID)));
    }

    @Override
    public String detailsPath(Case c) {
        return "/pension/survivors/" + c.id();
    }

    @Override
    public void onApproved(ShebaoUser approver, Case c) {
        claims.approve(approver, c);
    }
}
