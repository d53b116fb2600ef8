package org.shebao.workinjury.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.StandingOrders;
import org.shebao.workinjury.WorkInjuryBenefits;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The benefits of a work-injury benefit case for staff: before approval what they would come to (or what is
 * missing), after it the award with its inputs and sources and the payments made by the payroll.
 */
@Controller
@RequiredArgsConstructor
class BenefitPages {
    private final WorkInjuryBenefits benefits;
    private final CaseQueries queries;
    private final StandingOrders orders;
    private final Clock clock;

    @GetMapping("/workinjury/benefits/{caseId}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long caseId, Model model) {
        CaseQueries.Listed listed = queries.listed(user, caseId, CaseType.WORK_INJURY_BENEFIT);
        Case c = listed.c();
        Map<String, Long> paidBy = benefits.ordersOf(caseId);
        Map<String, List<StandingOrders.Payment>> payments = new LinkedHashMap<>();
        paidBy.forEach((benefit, order) -> payments.put(benefit, orders.paymentsOf(order)));
        model.addAttribute("kase", c);
        model.addAttribute("applicantName", listed.applicantName());
        model.addAttribute("applicantId", listed.applicantId());
        model.addAttribute("outcome", benefits.preview(user, c, LocalDate.now(clock)));
        model.addAttribute("awarded", !paidBy.isEmpty());
        model.addAttribute("payments", payments);
        return "workinjury/benefits";
    }
}
