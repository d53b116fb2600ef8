package org.shebao.contribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.contribution.BaseDecision;
import org.shebao.contribution.Bill;
import org.shebao.contribution.Bills;
import org.shebao.contribution.Declaration;
import org.shebao.contribution.DeclarationChannel;
import org.shebao.contribution.DeclaredLine;
import org.shebao.contribution.Declarations;
import org.shebao.contribution.Insurance;
import org.shebao.contribution.Payments;
import org.shebao.contribution.Relief;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserNames;
import org.shebao.registry.EmployerSize;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Declarations and monthly bills over JSON (issue 11): the employer's own user, or a clerk of its region. A
 * declaration is checked line by line; when any line is bad the answer is 400 with every bad line
 * ({@code errors[].field = lines[n].field}, the message naming line n) and nothing is written. Another employer's
 * records: 403.
 */
@RestController
@RequestMapping("/api/v1/employers/{id}")
@Tag(name = "contribution", description = "缴费基数申报、月度核定")
@RequiredArgsConstructor
class ContributionApi {
    private final Declarations declarations;
    private final Bills bills;
    private final Payments payments;
    private final MessageSource messages;
    private final UserNames userNames;

    /** A line: the employee's ID number and name, the period (2020-03 monthly, 2020 yearly), the wage base in yuan. */
    record LineRequest(String idNumber, String name, String period, BigDecimal base) {
    }

    record DeclarationRequest(List<LineRequest> lines) {
    }

    record LineDto(int line, long personId, String personName, Money declaredBase, Money baseUsed,
                   BaseDecision.Outcome clamp, boolean clamped, Money floor, Money ceiling, String clampReason) {
    }

    record DeclarationDto(long id, String period, boolean yearly, DeclarationChannel channel, String channelName,
                          String fileName, int lineCount, String declaredBy, OffsetDateTime declaredAt, Long replaces,
                          boolean current, OffsetDateTime supersededAt, LocalDate lateAfter, List<String> flags,
                          List<LineDto> lines) {
    }

    record OutcomeDto(List<DeclarationDto> declarations, int lines, List<String> billsRecomputed) {
    }

    record BillRequest(String month) {
    }

    record BillLineDto(long personId, String personName, String idNumberMasked, Insurance insurance,
                       String insuranceName, Bill.BaseFrom baseFrom, Money declaredBase, Money baseUsed,
                       BaseDecision.Outcome clamp, BigDecimal employerRate, BigDecimal personalRate,
                       Money employerFull, Money employerRelieved, Money employerDue, Money personalDue,
                       String reliefSource) {
    }

    record InsuranceTotalDto(Insurance insurance, String insuranceName, Money employerFull, Money employerRelieved,
                             Money employerDue, Money personalDue, Money totalDue, String reliefSource) {
    }

    record BillDto(long id, long employerId, String month, String status, String statusName, EmployerSize sizeClass,
                   String sizeClassName, int workInjuryRiskClass, Relief.Kind reliefKind, String reliefName,
                   BigDecimal reliefFactor, String reliefSource, int employees, Money employerFull,
                   Money employerRelieved, Money employerDue, Money personalDue, Money totalDue, Money paid,
                   Money outstanding, LocalDate dueOn, boolean illustrative,
                   String computedBy, OffsetDateTime computedAt, int version, List<InsuranceTotalDto> byInsurance,
                   List<BillLineDto> lines, List<PaymentApi.PaymentDto> payments) {
    }

    @PostMapping(path = "/declarations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "缴费基数申报（年度基数或月度申报），逐行校验，全部无误才生效")
    ResponseEntity<OutcomeDto> declare(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                       @RequestBody DeclarationRequest body) {
        List<DeclaredLine> lines = new ArrayList<>();
        List<LineRequest> sent = body == null || body.lines() == null ? List.of() : body.lines();
        for (int i = 0; i < sent.size(); i++) {
            LineRequest l = sent.get(i);
            lines.add(l == null ? new DeclaredLine(i + 1, null, null, null, null) : new DeclaredLine(i + 1,
                    l.idNumber(), l.name(), l.period(), l.base() == null ? null : l.base().toPlainString()));
        }
        return created(id, declarations.declare(user, id, lines));
    }

    @PostMapping(path = "/declarations/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传缴费基数申报文件（单位模板 Excel .xlsx 或 CSV），逐行校验，全部无误才生效")
    ResponseEntity<OutcomeDto> upload(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                      @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw InvalidInputException.of("file", "error.declaration.empty");
        }
        return created(id, declarations.upload(user, id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/declarations")
    @Operation(summary = "本单位的缴费基数申报记录（含已被替换的）")
    List<DeclarationDto> list(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return declarations.declarations(user, id).stream().map(d -> dto(d, null)).toList();
    }

    @GetMapping("/declarations/{declarationId}")
    @Operation(summary = "一次申报及其各行（申报基数、核定基数、是否按上下限调整及原因）")
    DeclarationDto one(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                       @PathVariable long declarationId) {
        Declaration d = declarations.declaration(user, id, declarationId)
                .orElseThrow(() -> new NotFoundException("declaration"));
        return dto(d, declarations.lines(d));
    }

    @GetMapping("/declarations/template")
    @Operation(summary = "下载缴费基数申报模板（format=xlsx 或 csv）")
    void template(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "xlsx") String format, HttpServletResponse response)
            throws IOException {
        declarations.declarations(user, id); // the employer's own user or staff of its region
        DeclarationTemplates.write(format, messages, response);
    }

    @PostMapping("/bills")
    @Operation(summary = "月度核定：生成本月账单（已有则返回原账单，200）")
    ResponseEntity<BillDto> assess(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                   @RequestBody BillRequest body) {
        Bills.Assessed a = bills.assess(user, id, Bill.month(body == null ? null : body.month(), "month"));
        BillDto dto = dto(a.bill());
        return a.created() ? ResponseEntity.created(URI.create("/api/v1/employers/" + id + "/bills/" + dto.month()))
                .body(dto) : ResponseEntity.ok(dto);
    }

    @GetMapping("/bills")
    @Operation(summary = "本单位的月度账单（不含明细）")
    List<BillDto> bills(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return bills.bills(user, id).stream().map(this::dto).toList();
    }

    @GetMapping("/bills/{month}")
    @Operation(summary = "某月账单：各险种单位缴费（减免前、减免、实缴）、个人缴费及减免依据，逐人明细")
    BillDto bill(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String month) {
        Bill b = bills.bill(user, id, Bill.month(month, "month")).orElseThrow(() -> new NotFoundException("bill"));
        return dto(b, payments.ofBill(user, b).stream().map(p -> PaymentApi.dto(p, messages)).toList());
    }

    private ResponseEntity<OutcomeDto> created(long id, Declaration.Outcome o) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/employers/" + id
                        + "/declarations"))
                .body(new OutcomeDto(o.declarations().stream().map(d -> dto(d, null)).toList(), o.lines(),
                        o.billsRecomputed().stream().map(Object::toString).toList()));
    }

    private String msg(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    private DeclarationDto dto(Declaration d, List<Declaration.Line> lines) {
        return new DeclarationDto(d.id(), d.period().toString(), d.period().yearly(), d.channel(),
                msg("declaration.channel." + d.channel()), d.fileName(), d.lineCount(), userNames.of(d.declaredBy()),
                d.declaredAt(), d.replaces(), d.current(), d.supersededAt(), d.dueOn(), List.of(d.flagList()),
                lines == null ? null : lines.stream()
                .map(l -> new LineDto(l.lineNo(), l.personId(), l.personName(), l.declaredBase(), l.baseUsed(),
                        l.clamp(), l.clamped(), l.floor(), l.ceiling(), l.clampReason())).toList());
    }

    private BillDto dto(Bill b) {
        return dto(b, null);
    }

    private BillDto dto(Bill b, List<PaymentApi.PaymentDto> paid) {
        return new BillDto(b.id(), b.employerId(), b.month().toString(), b.status().name(),
                msg("bill.status." + b.status()), b.sizeClass(), msg("employerSize." + b.sizeClass()), b.riskClass(),
                b.reliefKind(), msg("bill.relief." + b.reliefCode(), b.reliefPercent()), b.reliefFactor(),
                b.reliefSource(), b.employees(), b.employerFull(), b.employerRelieved(), b.employerDue(),
                b.personalDue(), b.totalDue(), b.paid(), b.outstanding(), b.dueOn(), b.illustrative(),
                userNames.of(b.computedBy()), b.computedAt(),
                b.version(), b.lines() == null ? null : b.byInsurance().stream().map(t -> new InsuranceTotalDto(
                        t.insurance(), msg("contribution.insurance." + t.insurance()), t.employerFull(),
                        t.employerRelieved(), t.employerDue(), t.personalDue(), t.totalDue(), t.reliefSource())).toList(),
                b.lines() == null ? null : b.lines().stream().map(l -> new BillLineDto(l.personId(), l.personName(),
                        l.idNumberMasked(), l.insurance(), msg("contribution.insurance." + l.insurance()), l.baseFrom(),
                        l.declaredBase(), l.baseUsed(), l.clamp(), l.employerRate(), l.personalRate(),
                        l.employerFull(), l.employerRelieved(), l.employerDue(), l.personalDue(),
                        l.reliefSource())).toList(), paid);
    }
}
