package org.shebao.contribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.common.Money;
import org.shebao.contribution.Allocation;
import org.shebao.contribution.Collection;
import org.shebao.contribution.LateFee;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The collection of late fees, employers' credits and unidentified receipts over JSON (issue 11). An employer's own
 * user reads its late fees (with the rule, rate, days and any waiver with its clauses) and its credit, and asks for a
 * refund of its credit; finance (and clerks, administrators) of the region record and match or refund unidentified
 * receipts, decide refunds (never the one who asked) and read the lists and totals.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "collection", description = "滞纳金征收、单位预收（多缴）与退还、暂收款（未匹配缴费）查明")
@RequiredArgsConstructor
class CollectionApi {
    private final Collection collection;
    private final MessageSource messages;

    /** A late fee as the API shows it. */
    record LateFeeDto(long id, long employerId, String employerName, String month, long billId, long paymentId,
                      Money overdue, LocalDate dueOn, LocalDate settledOn, int days, BigDecimal dailyRate,
                      Money computed, Money waived, Money charged, String waiver, List<String> sources, Money paid,
                      Money owed, LateFee.Status status, String statusName) {
    }

    /** An employer's late fees with the order money is applied in. */
    record LateFeesDto(String allocationRule, Money owed, List<LateFeeDto> lateFees) {
    }

    @GetMapping("/employers/{id}/late-fees")
    @Operation(summary = "本单位的滞纳金：所属期、欠缴金额、天数、日费率及依据、应收、减免（注明依据）、已缴、未缴")
    LateFeesDto lateFees(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        List<LateFee> fees = collection.lateFees(user, id);
        return new LateFeesDto(Allocation.RULE, fees.stream().map(LateFee::owed).reduce(Money.ZERO, Money::plus),
                fees.stream().map(this::dto).toList());
    }

    @GetMapping("/employers/{id}/credit")
    @Operation(summary = "本单位的预收余额（多缴待抵）及其变动、退还申请")
    Collection.Credit credit(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return collection.credit(user, id);
    }

    @PostMapping(path = "/employers/{id}/credit/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "申请退还预收余额（金额不得超过余额；由另一名财务人员审核）")
    ResponseEntity<Collection.Refund> requestRefund(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                                    @RequestBody(required = false) Collection.RefundRequest body) {
        Collection.Refund r = collection.requestRefund(user, id, body);
        return ResponseEntity.created(URI.create("/api/v1/collection/refunds/" + r.id())).body(r);
    }

    @PostMapping(path = "/collection/refunds/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "审核退还申请：approve=true 同意（退款出账），false 不同意（退回预收余额，须写明理由）；申请人本人不能审核")
    Collection.Refund decide(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                             @RequestBody(required = false) Collection.RefundDecision body) {
        return collection.decideRefund(user, id, body);
    }

    @GetMapping("/collection/refunds")
    @Operation(summary = "待审核的预收退还申请")
    List<Collection.Refund> refunds(@AuthenticationPrincipal ShebaoUser user) {
        return collection.pendingRefunds(user);
    }

    @GetMapping("/collection/late-fees")
    @Operation(summary = "本辖区的滞纳金：all=false 仅未缴清的")
    List<LateFeeDto> regionLateFees(@AuthenticationPrincipal ShebaoUser user,
                                    @RequestParam(defaultValue = "false") boolean all) {
        return collection.lateFees(user, !all).stream().map(this::dto).toList();
    }

    @GetMapping("/collection/credits")
    @Operation(summary = "本辖区有预收余额的单位")
    List<Collection.Credit> credits(@AuthenticationPrincipal ShebaoUser user) {
        return collection.credits(user);
    }

    @GetMapping("/collection/receipts")
    @Operation(summary = "暂收款（无法匹配单位或账单的到账）：all=false 仅未查明的")
    List<Collection.Receipt> receipts(@AuthenticationPrincipal ShebaoUser user,
                                      @RequestParam(defaultValue = "false") boolean all) {
        return collection.receipts(user, !all);
    }

    @PostMapping(path = "/collection/receipts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "登记一笔无法匹配的到账（暂收款）：流水号、金额、到账日期、付款人")
    ResponseEntity<Collection.Receipt> recordReceipt(@AuthenticationPrincipal ShebaoUser user,
                                                     @RequestBody(required = false) Collection.ReceiptInput body) {
        Collection.Receipt r = collection.recordReceipt(user, body);
        return ResponseEntity.created(URI.create("/api/v1/collection/receipts/" + r.id())).body(r);
    }

    @PostMapping(path = "/collection/receipts/{id}/match", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "查明暂收款：匹配到单位（统一社会信用代码），转为该单位预收并抵缴其欠费账单；只能匹配一次")
    Collection.Receipt match(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                             @RequestBody(required = false) Collection.MatchInput body) {
        return collection.match(user, id, body);
    }

    @PostMapping(path = "/collection/receipts/{id}/refund", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "退回暂收款给付款人（须写明理由）；只能处理一次")
    Collection.Receipt refundReceipt(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                     @RequestBody(required = false) Map<String, String> body) {
        return collection.refundReceipt(user, id, body == null ? null : body.get("note"));
    }

    @GetMapping("/collection/totals")
    @Operation(summary = "征收合计：未缴滞纳金、预收余额、未查明暂收款、待审核退还")
    Collection.Totals totals(@AuthenticationPrincipal ShebaoUser user) {
        return collection.totals(user);
    }

    private LateFeeDto dto(LateFee f) {
        return new LateFeeDto(f.id(), f.employerId(), f.employerName(), f.month().toString(), f.billId(),
                f.paymentId(), f.overdue(), f.dueOn(), f.settledOn(), f.days(), f.dailyRate(), f.computed(),
                f.waived(), f.charged(), f.waiver(), f.sources(), f.paid(), f.owed(), f.status(),
                messages.getMessage("lateFee.status." + f.status(), null, f.status().name(),
                        LocaleContextHolder.getLocale()));
    }
}
