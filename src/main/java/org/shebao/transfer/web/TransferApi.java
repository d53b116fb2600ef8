package org.shebao.transfer.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Certificates;
import org.shebao.identity.ShebaoUser;
import org.shebao.transfer.Transfer;
import org.shebao.transfer.TransferEvent;
import org.shebao.transfer.TransferRule;
import org.shebao.transfer.TransferSteps;
import org.shebao.transfer.Transfers;
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
 * Pension transfers over the API (国办发〔2009〕66号, N-3b): the app's application (a citizen for themselves; a clerk
 * of the receiving agency by the person's ID number), the steps of the two agencies, a transfer with its history,
 * documents (verification addresses) and amounts, the agency's lists and overdue transfers.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class TransferApi {
    private final Transfers transfers;
    private final TransferSteps steps;
    private final TransferViews views;
    private final org.shebao.transfer.TemporaryAccounts temporaryAccounts;
    private final Certificates certificates;

    /** An application: the receiving agency's region (a city); a clerk names the person by ID number. */
    record ApplyRequest(String toRegion, String idNumber) {
    }

    record RefuseRequest(String reason) {
    }

    record Document(String code, String kind, String verifyUrl, String pdf) {
    }

    record TransferResponse(TransferViews.View view, List<TransferEvent> history, List<Document> documents,
                            TransferRule.Decision decision, TransferViews.Temporary temporaryAccount) {
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请养老保险关系转移接续（向新参保地经办机构；本人网上申请，或转入地窗口凭证件号码代办）")
    TransferResponse apply(@AuthenticationPrincipal ShebaoUser user, @RequestBody ApplyRequest body) {
        Transfer t = transfers.apply(user, body.toRegion(), body.idNumber(),
                user.isStaff() ? Transfers.Channel.COUNTER : Transfers.Channel.MOBILE_API);
        return response(user, t);
    }

    @GetMapping("/me/transfers")
    @Operation(summary = "本人的转移接续：各环节、办理时限、电子凭证")
    List<TransferResponse> mine(@AuthenticationPrincipal ShebaoUser user) {
        return transfers.mine(user).stream().map(t -> response(user, t)).toList();
    }

    @GetMapping("/transfers")
    @Operation(summary = "本机构转出或转入的转移接续（overdue=true：本机构办理环节已超时限的）")
    List<TransferViews.View> list(@AuthenticationPrincipal ShebaoUser user,
                                  @RequestParam(defaultValue = "false") boolean overdue,
                                  @RequestParam(defaultValue = "false") boolean all) {
        return views.of(user, overdue ? transfers.overdue(user) : transfers.ofAgency(user, !all));
    }

    @GetMapping("/transfers/{id}")
    @Operation(summary = "一笔转移接续：环节记录、联系函/参保缴费凭证/信息表、转移金额")
    TransferResponse transfer(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return response(user, transfers.transfer(user, id));
    }

    @PostMapping("/transfers/{id}/letter")
    @Operation(summary = "转入地发出联系函（第八条第（二）项）")
    TransferResponse letter(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return response(user, steps.sendLetter(user, id));
    }

    @PostMapping("/transfers/{id}/refuse")
    @Operation(summary = "转入地不予受理（须说明理由）")
    TransferResponse refuse(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                            @RequestBody RefuseRequest body) {
        return response(user, steps.refuse(user, id, body.reason()));
    }

    @PostMapping("/transfers/{id}/funds")
    @Operation(summary = "转出地计算转移额、出具参保缴费凭证和信息表、划转基金（第四条、第五条、第八条第（三）项）")
    TransferResponse funds(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return response(user, steps.sendFunds(user, id));
    }

    @PostMapping("/transfers/{id}/accept")
    @Operation(summary = "转入地接收资金、合并缴费记录（第八条第（四）项）")
    TransferResponse accept(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return response(user, steps.accept(user, id));
    }

    @GetMapping("/temporary-accounts/{id}")
    @Operation(summary = "临时基本养老保险缴费账户：所记年度、金额、归集条件（国办发〔2009〕66号 第五条第（二）项、第六条）")
    TransferViews.Temporary temporaryAccount(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return views.temporary(user, temporaryAccounts.visible(user, id));
    }

    @GetMapping("/me/temporary-accounts")
    @Operation(summary = "本人的临时基本养老保险缴费账户")
    List<TransferViews.Temporary> myTemporaryAccounts(@AuthenticationPrincipal ShebaoUser user) {
        if (user.personId() == null) {
            throw new org.shebao.common.AccessDeniedToRecordException("temporary account");
        }
        return views.temporaries(user, temporaryAccounts.ofPerson(user, user.personId()));
    }

    @PostMapping("/temporary-accounts/{id}/book")
    @Operation(summary = "临时账户所在地将已结束年度的缴费记入临时账户（个人账户全额、统筹基金12%），每年度只记一次")
    TransferViews.Temporary book(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return views.temporary(user, temporaryAccounts.book(user, id));
    }

    @PostMapping("/temporary-accounts/{id}/collect")
    @Operation(summary = "在临时账户所在地累计缴费满10年的，归集至该地基本养老保险个人账户（第六条）；已归集或不符合条件的不予办理")
    TransferViews.Temporary collect(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return views.temporary(user, temporaryAccounts.collect(user, id));
    }

    private TransferResponse response(ShebaoUser user, Transfer t) {
        String base = user.isStaff() ? "/pension/transfers/" : "/portal/transfer/";
        return new TransferResponse(views.of(user, t), transfers.history(user, t.id()),
                transfers.documents(user, t.id()).stream().map(d -> new Document(d.code(), d.kind().name(),
                        certificates.verifyUrl(d.code()), base + t.id() + "/documents/" + d.code() + ".pdf")).toList(),
                steps.decision(t.id()).orElse(null),
                temporaryAccounts.ofTransfer(user, t.id()).map(a -> views.temporary(user, a)).orElse(null));
    }
}
