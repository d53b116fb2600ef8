package org.shebao.payroll.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.AccountChanges;
import org.shebao.payroll.BankReturns;
import org.shebao.payroll.PayrollApproval;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bank files, returns and account changes over the API (issue 15, items 4 and 7). Errors are the platform's problem
 * details: a bad return line is 400 naming the line and the reason, a return imported before (or at the same time) and
 * a decision by the one who asked are 409; nothing is written then.
 */
@RestController
@RequestMapping("/api/v1/payroll")
@RequiredArgsConstructor
class BankApi {
    private final PayrollApproval approval;
    private final BankReturns returns;
    private final AccountChanges changes;

    /** One paying bank's file of a run: the bank, its layout's encoding and source, how many payments, how much. */
    record BankFile(String bank, String name, String nameEn, String encoding, boolean bom, boolean illustrative,
                    String source, long payments, Money amount) {
    }

    @GetMapping("/runs/{id}/bank-files")
    @Operation(summary = "已复核发放按代发银行分列的文件（银行、格式、笔数、金额）")
    List<BankFile> bankFiles(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return approval.bankFiles(user, id).stream().map(t -> new BankFile(t.layout().code(), t.layout().name(),
                t.layout().nameEn(), t.layout().charset().name(), t.layout().bom(), t.layout().illustrative(),
                t.layout().source(), t.payments(), t.amount())).toList();
    }

    @GetMapping("/runs/{id}/bank-files/{bank}")
    @Operation(summary = "某代发银行的代发文件，按该行格式（编码、表头、字段、分隔符、合计行）；未复核：409")
    void bankFile(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String bank,
                  HttpServletResponse response) throws IOException {
        BankPages.bankFile(approval, user, id, bank, response);
    }

    @PostMapping("/runs/{id}/returns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "导入银行回盘文件：逐行成功/失败，全部通过才入账；失败款项冲回并列出；同一文件不重复入账")
    BankReturns.Imported importReturn(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                      @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "error.bankReturn.empty");
        }
        return returns.importReturn(user, id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/runs/{id}/reconciliation")
    @Operation(summary = "发放对账：发出 = 成功 + 失败 + 待回盘，与账簿核对")
    BankReturns.Reconciliation reconciliation(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return returns.reconciliation(user, id);
    }

    @GetMapping("/runs/{id}/failed")
    @Operation(summary = "本次发放银行退回（失败）的款项及重发情况")
    List<BankReturns.Failed> failed(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return returns.failed(user, id);
    }

    @PostMapping("/account-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请变更待遇发放账户（须另一名财务人员复核）")
    AccountChanges.Change request(@AuthenticationPrincipal ShebaoUser user, @RequestBody AccountChanges.Request r) {
        return changes.request(user, r);
    }

    @PostMapping("/account-changes/{id}/approval")
    @Operation(summary = "复核通过账户变更（须为申请人以外的财务人员）：账户更正，失败款项在下次发放中重发")
    AccountChanges.Change approve(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return changes.approve(user, id);
    }

    @PostMapping("/account-changes/{id}/rejection")
    @Operation(summary = "驳回账户变更（须为申请人以外的财务人员）")
    AccountChanges.Change reject(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return changes.reject(user, id);
    }

    @GetMapping("/orders/{id}/account-changes")
    @Operation(summary = "发放账户变更历史")
    List<AccountChanges.Change> history(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return changes.history(user, id);
    }
}
