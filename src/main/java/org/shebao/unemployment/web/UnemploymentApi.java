package org.shebao.unemployment.web;

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
import org.shebao.unemployment.BenefitStops;
import org.shebao.unemployment.BenefitView;
import org.shebao.unemployment.Claim;
import org.shebao.unemployment.ClaimDecision;
import org.shebao.unemployment.ClaimEvent;
import org.shebao.unemployment.UnemploymentClaims;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unemployment benefit over the API. A claim is a case ({@code POST /api/v1/cases} with type UNEMPLOYMENT_BENEFIT);
 * here: the claimant's benefits ({@code /me/unemployment}), a claim with its decision (staff of the region or the
 * claimant; before approval, what it would come to if approved today), a stop (第十五条) and the re-employment check.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class UnemploymentApi {
    private final UnemploymentClaims claims;
    private final BenefitStops stops;
    private final CaseQueries queries;
    private final Clock clock;

    /** A claim as the API shows it: the approved claim (null before approval), its decision, view and history. */
    record ClaimResponse(long caseId, String reference, String caseStatus, Claim claim, ClaimDecision decision,
                         BenefitView view, List<ClaimEvent> history) {
    }

    /** A stop: the reason (第十五条: REEMPLOYED, PENSION_STARTED, ENLISTED, EMIGRATED, REFUSED_SUITABLE_WORK), the day. */
    record StopRequest(String reason, String stoppedOn) {
    }

    record CheckResponse(boolean stopped, ClaimResponse claim) {
    }

    @GetMapping("/me/unemployment")
    @Operation(summary = "本人的失业保险金：剩余月数、下次发放、已发放记录")
    List<BenefitView> mine(@AuthenticationPrincipal ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("unemployment benefit");
        }
        return claims.claimsOf(user, user.personId()).stream().map(claims::view).toList();
    }

    @GetMapping("/unemployment/claims/{caseId}")
    @Operation(summary = "失业保险金申领的核定：条件（第十四条）、期限（第十七条）、标准、起始月（FJ-1.6）、发放")
    ClaimResponse claim(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId) {
        Case c = queries.get(user, caseId);
        if (c.type() != CaseType.UNEMPLOYMENT_BENEFIT) {
            throw new NotFoundException("unemployment claim " + caseId);
        }
        Claim claim = claims.claim(user, caseId).orElse(null);
        return new ClaimResponse(c.id(), c.reference(), c.status().name(), claim,
                claim != null ? claims.decision(caseId) : claims.decide(c, LocalDate.now(clock)),
                claim != null ? claims.view(claim) : null, claim != null ? claims.history(caseId) : List.of());
    }

    @PostMapping("/unemployment/claims/{caseId}/stop")
    @Operation(summary = "停发失业保险金（第十五条）：原因与发生日期；次月起停发，多发月份追回")
    ClaimResponse stop(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId,
                       @RequestBody StopRequest body) {
        stops.stop(user, caseId, body.reason(), body.stoppedOn());
        return claim(user, caseId);
    }

    @PostMapping("/unemployment/claims/{caseId}/reemployment-check")
    @Operation(summary = "按参保登记核查重新就业：已重新就业的自动停发并追回")
    CheckResponse check(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId) {
        boolean stopped = stops.checkReemployment(user, caseId).isPresent();
        return new CheckResponse(stopped, claim(user, caseId));
    }
}
