package org.shebao.workinjury.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.identity.ShebaoUser;
import org.shebao.workinjury.Institution;
import org.shebao.workinjury.Institutions;
import org.shebao.workinjury.MedicalBillLine;
import org.shebao.workinjury.MedicalBills;
import org.shebao.workinjury.MedicalPrepayments;
import org.shebao.workinjury.MedicalStatement;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * SX-1b over the API: an agreement institution's system submits a month of bills as JSON lines (checked line by line
 * as the upload is: 400 naming every bad line, nothing written) and reads its statements; the section registers
 * institutions and its reviewers pre-pay and settle (409 when the statement moved on, 400 naming the field).
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class MedicalBillApi {
    private final Institutions institutions;
    private final MedicalBills bills;
    private final MedicalPrepayments prepayments;
    private final MessageSource messages;

    record LineJson(String idNumber, String name, String treatedOn, String item, String amount) {
    }

    record SubmissionRequest(String month, List<LineJson> lines) {
    }

    record PrepaymentRequest(BigDecimal ratio, Integer version) {
    }

    record SettlementRequest(BigDecimal approved, String paperReceivedOn, Integer version) {
    }

    record StatementJson(long id, long institutionId, String institution, String month, String status,
                         String statusText, Money declared, int lineCount, int submissions, BigDecimal ratio,
                         Money prepaid, LocalDate prepaidOn, List<String> clauses, Money approved,
                         LocalDate paperReceivedOn, Money settlement, String outcome, LocalDate settledOn,
                         Money balance, int version, List<MedicalBillLine> lines) {
    }

    @GetMapping("/hospital/statements")
    @Operation(summary = "协议医疗机构：本机构各月工伤医疗费用的申报、预付、审核、结算与余额（SX-1b）；经办人员：本地区的")
    List<StatementJson> statements(@AuthenticationPrincipal ShebaoUser user) {
        return bills.statements(user).stream().map(s -> json(s, null)).toList();
    }

    @PostMapping("/hospital/statements")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "协议医疗机构：报送一个月的工伤医疗费用明细（逐行校验；预付前可重新报送，替换该月明细）")
    StatementJson submit(@AuthenticationPrincipal ShebaoUser user, @RequestBody SubmissionRequest body) {
        List<MedicalBills.BillLine> lines = new ArrayList<>();
        List<LineJson> in = body.lines() == null ? List.of() : body.lines();
        for (int i = 0; i < in.size(); i++) {
            LineJson l = in.get(i) == null ? new LineJson(null, null, null, null, null) : in.get(i);
            lines.add(new MedicalBills.BillLine(i + 1, l.idNumber(), l.name(), l.treatedOn(), l.item(), l.amount()));
        }
        MedicalStatement s = bills.submit(user, body.month(), lines);
        return json(s, bills.lines(user, s.id()));
    }

    @GetMapping("/workinjury/medical-statements/{id}")
    @Operation(summary = "一个月度结算单及其明细（本机构或本地区经办人员）")
    StatementJson get(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return json(bills.get(user, id), bills.lines(user, id));
    }

    @PostMapping("/workinjury/medical-statements/{id}/prepayment")
    @Operation(summary = "审核人员按申报金额的规定比例预付（SX-1b：85%–90%），记入工伤保险基金")
    StatementJson prepay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                         @RequestBody PrepaymentRequest body) {
        return json(prepayments.prepay(user, id, body.version(),
                body.ratio() == null ? null : body.ratio().toPlainString()), null);
    }

    @PostMapping("/workinjury/medical-statements/{id}/settlement")
    @Operation(summary = "纸质材料集中审核后结算：多退少补，记入工伤保险基金")
    StatementJson settle(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                         @RequestBody SettlementRequest body) {
        return json(prepayments.settle(user, id, body.version(),
                body.approved() == null ? null : body.approved().toPlainString(), body.paperReceivedOn()), null);
    }

    record RepaymentRequest(java.math.BigDecimal amount, String receivedOn, String reference) {
    }

    @PostMapping("/workinjury/medical-statements/{id}/repayments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记协议医疗机构退回的多预付款（SX-1b 多退，可分次，不超过尚欠金额），记入工伤保险基金")
    StatementJson repay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                        @RequestBody RepaymentRequest body) {
        return json(prepayments.repay(user, id, body.amount() == null ? null : body.amount().toPlainString(),
                body.receivedOn(), body.reference()), null);
    }

    @GetMapping("/workinjury/medical-statements/{id}/repayments")
    @Operation(summary = "一个月度结算单的退款记录（本机构或本地区经办人员）")
    List<org.shebao.workinjury.MedicalStatement.Repayment> repayments(@AuthenticationPrincipal ShebaoUser user,
                                                                      @PathVariable long id) {
        return bills.repayments(user, id);
    }

    @PostMapping("/workinjury/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记协议医疗机构及其协议期（本地区管理员或审核人员）")
    Institution register(@AuthenticationPrincipal ShebaoUser user, @RequestBody Institutions.NewInstitution body) {
        return institutions.register(user, body);
    }

    private StatementJson json(MedicalStatement s, List<MedicalBillLine> lines) {
        return new StatementJson(s.id(), s.institutionId(), s.institutionName(), s.month().toString(),
                s.status().name(), messages.getMessage("wi.medical.status." + s.status(), null,
                LocaleContextHolder.getLocale()), s.declared(), s.lineCount(), s.submissions(), s.ratio(), s.prepaid(),
                s.prepaidOn(), s.clauses() == null ? List.of() : List.of(s.clauses().split(", ")), s.approved(),
                s.paperReceivedOn(), s.settlement(), s.outcome() == null ? null : s.outcome().name(), s.settledOn(),
                s.balance(), s.version(), lines);
    }
}
