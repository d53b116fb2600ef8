package org.shebao.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.PayrollApproval;
import org.shebao.payroll.PayrollRun;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payroll approval over the API (issue 15, item 3): the checker's review of a completed run, its approval by a second
 * finance user, and the bank file of an approved run. Errors are the platform's problem details: the maker's own
 * approval, a second approval and a bank file before the approval are 409 with the reason.
 */
@RestController
@RequestMapping("/api/v1/payroll/runs/{id}")
@RequiredArgsConstructor
class PayrollApi {
    private final PayrollApproval approval;

    @GetMapping("/review")
    @Operation(summary = "发放复核：按类型和标识的汇总、较上月变动超过阈值的人员、新增和停发人员")
    PayrollApproval.Review review(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return approval.review(user, id);
    }

    @GetMapping("/bank-file")
    @Operation(summary = "已复核发放的银行代发文件（CSV）；未复核：409")
    void bankFile(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        PayrollPages.bankFile(approval, user, id, response);
    }

    @PostMapping("/approval")
    @Operation(summary = "复核通过（须为发起人以外的财务人员）：本次发放冻结，方可下载银行代发文件")
    PayrollRun approve(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return approval.approve(user, id);
    }
}
