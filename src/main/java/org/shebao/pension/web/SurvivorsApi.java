package org.shebao.pension.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.Deaths;
import org.shebao.pension.SurvivorsClaims;
import org.shebao.pension.SurvivorsRule;
import org.shebao.registry.Persons;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The death of a pension recipient over the API (issue 15 item 6): a clerk records it with its evidence; the death with
 * the months paid after it (to recover). The survivors' claim is a case ({@code POST /api/v1/cases} with type
 * SURVIVORS_CLAIM, by the family member or a clerk); here its decision: before approval what it would come to, after
 * approval the award and the payroll month that pays it.
 */
@RestController
@RequestMapping("/api/v1/pension")
@RequiredArgsConstructor
class SurvivorsApi {
    private final Deaths deaths;
    private final SurvivorsClaims claims;
    private final CaseQueries queries;
    private final Persons persons;

    /** A death to record: the ID number, the day (yyyy-MM-dd), the evidence seen. */
    record DeathRequest(String idNumber, String diedOn, String evidence) {
    }

    record DeathResponse(long personId, LocalDate diedOn, String source, String evidence, Money overpaid,
                         List<Deaths.Overpaid> months) {
    }

    /** A claim's decision: the award once approved (else null) and the decision with its lines. */
    record ClaimResponse(long caseId, String reference, String caseStatus, SurvivorsClaims.Award award,
                         SurvivorsRule.Decision decision, String payrollMonth) {
    }

    @PostMapping("/deaths")
    @Operation(summary = "登记待遇领取人死亡（经办人员，凭死亡证明等）：停发死亡次月起的待遇，列出死亡后多发月份（应收）")
    ResponseEntity<DeathResponse> record(@AuthenticationPrincipal ShebaoUser user, @RequestBody DeathRequest r) {
        Deaths.Death d = deaths.record(user, r.idNumber(), r.diedOn(), r.evidence());
        return ResponseEntity.status(HttpStatus.CREATED).body(json(d));
    }

    @GetMapping("/deaths/{personId}")
    @Operation(summary = "已登记的死亡及死亡后多发月份（本地区经办人员）")
    DeathResponse death(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId) {
        persons.person(user, personId); // the region's staff only
        return json(deaths.of(personId).orElseThrow(() -> new NotFoundException("death of " + personId)));
    }

    private DeathResponse json(Deaths.Death d) {
        return new DeathResponse(d.personId(), d.diedOn(), d.source().name(), d.evidence(), d.overpaid(),
                deaths.overpaid(d.personId()));
    }

    @GetMapping("/survivors/{caseId}")
    @Operation(summary = "丧葬补助金和抚恤金申领的核定：审批前为按今日核定的结果，审批后为核定结果和发放月份（本地区经办人员或申请人）")
    ClaimResponse claim(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId) {
        Case c = survivorsCase(queries, user, caseId);
        SurvivorsClaims.Award a = claims.award(caseId).orElse(null);
        if (a != null) {
            return new ClaimResponse(caseId, c.reference(), c.status().name(), a, a.decision(), a.payrollMonth().toString());
        }
        SurvivorsClaims.Preview p = claims.preview(Long.parseLong(c.form().get(SurvivorsClaims.DECEASED_PERSON_ID)));
        return new ClaimResponse(caseId, c.reference(), c.status().name(), null, p.decision(), p.payrollMonth().toString());
    }

    /** A survivors' claim the user may see; any other case is not found here. */
    static Case survivorsCase(CaseQueries queries, ShebaoUser user, long caseId) {
        Case c = queries.get(user, caseId);
        if (c.type() != CaseType.SURVIVORS_CLAIM) {
            throw new NotFoundException("survivors claim " + caseId);
        }
        return c;
    }
}
