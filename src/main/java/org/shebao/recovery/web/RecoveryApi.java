package org.shebao.recovery.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.recovery.Cause;
import org.shebao.recovery.Recoveries;
import org.shebao.recovery.Recovery;
import org.shebao.recovery.RecoveryStatus;
import org.shebao.recovery.RecoverySteps;
import org.shebao.recovery.WriteOff;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recoveries over the API (issue 15 item 5). Errors are the platform's problem details: a bad amount or day 400
 * naming the field, a repayment above the balance 400, a step on a case someone changed meanwhile 409, the maker
 * deciding their own write-off 409; nothing is written then.
 */
@RestController
@RequestMapping("/api/v1/recoveries")
@RequiredArgsConstructor
class RecoveryApi {
    private final Recoveries recoveries;
    private final RecoverySteps steps;

    @GetMapping
    @Operation(summary = "追回案件列表（可按状态、原因筛选），含合计")
    Recoveries.Listing list(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) RecoveryStatus status,
                            @RequestParam(required = false) Cause cause,
                            @RequestParam(defaultValue = "false") boolean openOnly) {
        return recoveries.list(user, new Recoveries.Filter(status, cause, openOnly), 500);
    }

    @GetMapping("/balances")
    @Operation(summary = "按地区、基金的追回余额")
    List<Recoveries.RegionBalance> balances(@AuthenticationPrincipal ShebaoUser user) {
        return recoveries.balances(user);
    }

    @GetMapping("/persons/{personId}")
    @Operation(summary = "某人的追回案件")
    List<Recovery> ofPerson(@AuthenticationPrincipal ShebaoUser user, @PathVariable long personId) {
        return recoveries.ofPerson(user, personId);
    }

    @GetMapping("/{id}")
    @Operation(summary = "追回案件：金额、余额、历史、核销申请、待扣款")
    Recoveries.Details details(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return recoveries.details(user, id);
    }

    /** Deduct from later payments: the order (default: the one that over-paid) and the first payroll month. */
    record DeductionRequest(Long orderId, YearMonth fromMonth) {
    }

    @PostMapping("/{id}/deduction")
    @Operation(summary = "从其后续待遇中按月扣回（每月不超过月待遇的规定比例）")
    Recovery deduct(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                    @RequestBody(required = false) DeductionRequest r) {
        return steps.startDeduction(user, id, r == null ? null : r.orderId(), r == null ? null : r.fromMonth());
    }

    @PostMapping("/{id}/payment-request")
    @Operation(summary = "向本人或继承人发出追回通知（可打印）")
    Recovery requestPayment(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return steps.requestPayment(user, id);
    }

    record RepaymentRequest(Money amount, LocalDate paidOn, String note) {
    }

    @PostMapping("/{id}/repayments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记退回款（可部分退回；不得超过余额）")
    Recovery repay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                   @RequestBody(required = false) RepaymentRequest r) {
        return steps.repay(user, id, r == null ? null : new RecoverySteps.Repayment(r.amount(), r.paidOn(), r.note()));
    }

    record WriteOffRequest(Money amount, String reason) {
    }

    @PostMapping("/{id}/write-off")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请核销（须另一名人员审批后才核销）")
    WriteOff requestWriteOff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                             @RequestBody(required = false) WriteOffRequest r) {
        return steps.requestWriteOff(user, id, r == null ? null : r.amount(), r == null ? null : r.reason());
    }

    @PostMapping("/{id}/write-off/approval")
    @Operation(summary = "审批通过核销（申请人本人不得审批）")
    Recovery approveWriteOff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return steps.decideWriteOff(user, id, true);
    }

    @PostMapping("/{id}/write-off/rejection")
    @Operation(summary = "驳回核销申请")
    Recovery rejectWriteOff(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return steps.decideWriteOff(user, id, false);
    }
}
