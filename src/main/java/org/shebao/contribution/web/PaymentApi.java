package org.shebao.contribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.contribution.EmployerDeferral;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.contribution.Payment;
import org.shebao.contribution.PaymentChannel;
import org.shebao.contribution.Payments;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Payments, arrears and employers' deferrals over JSON (issue 11). An employer's own user records its payment made
 * online (paid today) and reads its payments and deferrals; finance, a clerk or an administrator of the region
 * records a payment with its day, imports the collection channel's payment file (every bad line listed, nothing
 * written unless all are good; the same file or reference twice: 409) and reads the worklists. A deferral is applied
 * for as a case ({@code POST /api/v1/cases {"type": "EMPLOYER_DEFERRAL", "form": {"fromMonth", "months",
 * "reason"}}}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "payments", description = "缴费登记、缴费文件导入、欠费与多缴工作清单、单位缓缴")
@RequiredArgsConstructor
class PaymentApi {
    private final Payments payments;
    private final EmployerDeferrals deferrals;
    private final MessageSource messages;
    private final UserNames userNames;

    /** A payment as the API shows it: how it matched, and the late fee with the rule that applied and why. */
    record PaymentDto(long id, long employerId, String month, Money amount, LocalDate paidOn, PaymentChannel channel,
                      String channelName, String reference, Integer lineNo, Long billId, Payment.Match match,
                      String matchName, Money allocated, Money feesPaid, Money excess, LocalDate feeDueOn, Integer feeDays,
                      Money feeComputed, Money feeWaived, Money feeCharged, String feeWaiver, List<String> feeSources,
                      OffsetDateTime recordedAt) {
    }

    record ImportedDto(long fileId, int lines, Money total, List<PaymentDto> payments) {
    }

    record DeferralDto(long id, long employerId, String fromMonth, String toMonth, int months, LocalDate endsOn,
                       String reason, String source, String caseReference, String approvedBy,
                       OffsetDateTime approvedAt, LocalDate backPaymentDueOn, boolean backPaymentPending) {
    }

    @PostMapping(path = "/employers/{id}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "登记一笔网上缴费（单位本人：当日缴费；财务、受理人员：可填缴费日期），按单位和费款所属期匹配账单，计算滞纳金")
    ResponseEntity<PaymentDto> record(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                      @RequestBody(required = false) Payments.OnlinePayment body) {
        Payments.OnlinePayment p = body == null ? new Payments.OnlinePayment(null, null, null, null) : body;
        Payment made = payments.record(user, id, p);
        return ResponseEntity.created(URI.create("/api/v1/employers/" + id + "/payments")).body(dto(made, messages));
    }

    @GetMapping("/employers/{id}/payments")
    @Operation(summary = "本单位的缴费记录：匹配的账单、多缴或未匹配金额、滞纳金及其减免依据")
    List<PaymentDto> list(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return payments.payments(user, id).stream().map(p -> dto(p, messages)).toList();
    }

    @PostMapping(path = "/payments/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入税务/银行缴费文件（CSV：缴费流水号,统一社会信用代码,费款所属期,缴费金额,缴费日期），逐行校验，全部无误才入账")
    ResponseEntity<ImportedDto> importFile(@AuthenticationPrincipal ShebaoUser user,
                                           @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "error.payment.empty");
        }
        Payments.Imported i = payments.importFile(user, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ImportedDto(i.fileId(), i.lines(), i.total(),
                i.payments().stream().map(p -> dto(p, messages)).toList()));
    }

    @GetMapping("/payments/worklists/{list}")
    @Operation(summary = "征收工作清单：underpaid 少缴、overpaid 多缴、unmatched 未匹配缴费、arrears 逾期欠费")
    Payments.Items worklist(@AuthenticationPrincipal ShebaoUser user, @PathVariable String list) {
        Payments.Worklist w = Arrays.stream(Payments.Worklist.values())
                .filter(x -> x.name().equalsIgnoreCase(list)).findFirst()
                .orElseThrow(() -> new NotFoundException("worklist " + list));
        return payments.worklist(user, w);
    }

    @GetMapping("/employers/{id}/deferrals")
    @Operation(summary = "本单位经批准的缓缴：所属期、截止日、补缴期限（疫情解除后三个月，待定时为空）")
    List<DeferralDto> deferrals(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return deferrals.deferrals(user, id).stream().map(this::dto).toList();
    }

    private DeferralDto dto(EmployerDeferral d) {
        return new DeferralDto(d.id(), d.employerId(), d.from().toString(), d.to().toString(), d.months(), d.endsOn(),
                d.reason(), d.source(), d.caseReference(), userNames.of(d.approvedBy()), d.approvedAt(),
                d.backPaymentDeadline() == null ? null : d.backPaymentDeadline().dueOn(),
                d.backPaymentDeadline() != null && d.backPaymentDeadline().isPending());
    }

    static PaymentDto dto(Payment p, MessageSource messages) {
        var locale = LocaleContextHolder.getLocale();
        return new PaymentDto(p.id(), p.employerId(), p.month().toString(), p.amount(), p.paidOn(), p.channel(),
                messages.getMessage("payment.channel." + p.channel(), null, p.channel().name(), locale),
                p.reference(), p.lineNo(), p.billId(), p.match(),
                messages.getMessage("payment.match." + p.match(), null, p.match().name(), locale), p.allocated(),
                p.feesPaid(), p.excess(), p.feeDueOn(), p.feeDays(), p.feeComputed(), p.feeWaived(), p.feeCharged(), p.feeWaiver(),
                p.sources(), p.recordedAt());
    }
}
