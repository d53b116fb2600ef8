package org.shebao.residentpension.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.NotFoundException;
import org.shebao.identity.ShebaoUser;
import org.shebao.residentpension.ResidentContributions;
import org.shebao.residentpension.ResidentPensionClaim;
import org.shebao.residentpension.ResidentPensionDecision;
import org.shebao.residentpension.ResidentPensionEvent;
import org.shebao.residentpension.ResidentPensionView;
import org.shebao.residentpension.ResidentPensions;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The residents' pension over the API. A claim is a case ({@code POST /api/v1/cases} with type RESIDENT_PENSION);
 * here: the resident's own pension ({@code /me/resident-pension}), a claim with its decision (before approval, what
 * it would come to if approved today), and a person's personal account with a clerk's recording of a year.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class ResidentPensionApi {
    private final ResidentPensions pensions;
    private final ResidentContributions contributions;
    private final CaseQueries queries;
    private final Clock clock;

    record ClaimResponse(long caseId, String reference, String caseStatus, ResidentPensionClaim claim,
                         ResidentPensionDecision decision, ResidentPensionView view, List<ResidentPensionEvent> history) {
    }

    /** A year of a resident's personal account: the year, the grade paid (yuan a year), the government's subsidy (yuan). */
    record ContributionRequest(String year, String contributionGrade, String subsidy) {
    }

    @GetMapping("/me/resident-pension")
    @Operation(summary = "本人的城乡居民养老金：月领取额（基础养老金 + 个人账户养老金）及来源、下次发放、已发放记录")
    List<ResidentPensionView> mine(@AuthenticationPrincipal ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("resident pension");
        }
        return pensions.claimOf(user, user.personId()).map(pensions::view).stream().toList();
    }

    @GetMapping("/resident-pension/claims/{caseId}")
    @Operation(summary = "城乡居民养老保险待遇领取的核定：领取条件（国发〔2014〕8号）、月领取额、起始月（FJ-1.2）、补发")
    ClaimResponse claim(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId) {
        Case c = queries.get(user, caseId);
        if (c.type() != CaseType.RESIDENT_PENSION) {
            throw new NotFoundException("resident pension claim " + caseId);
        }
        ResidentPensionClaim claim = pensions.claim(user, caseId).orElse(null);
        return new ClaimResponse(c.id(), c.reference(), c.status().name(), claim,
                claim != null ? pensions.decision(caseId) : pensions.decide(c, LocalDate.now(clock)),
                claim != null ? pensions.view(claim) : null, claim != null ? pensions.history(caseId) : List.of());
    }

    @GetMapping("/persons/{personId}/resident-contributions")
    @Operation(summary = "城乡居民养老保险个人账户：逐年个人缴费、政府补贴与储存额")
    ResidentContributions.PersonalAccount account(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId) {
        return contributions.accountOf(user, personId);
    }

    @PostMapping("/persons/{personId}/resident-contributions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记城乡居民养老保险年度个人缴费（缴费档次）与政府补贴，记入个人账户并入账")
    ResidentContributions.Contribution record(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId,
                                              @RequestBody ContributionRequest body) {
        return contributions.record(user, personId, body.year(), body.contributionGrade(), body.subsidy());
    }
}
