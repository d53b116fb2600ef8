package org.shebao.contribution.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.Money;
import org.shebao.contribution.ContributionYear;
import org.shebao.contribution.Contributions;
import org.shebao.contribution.PaidMonth;
import org.shebao.contribution.PersonPayments;
import org.shebao.contribution.RightsRecord;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Persons;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A flexible worker's own payments (N-5b / FJ-5b: lump sum, gap, periodic) and the rights record with its paid months
 * (N-5c / FJ-5c), over JSON: the person for themselves ({@code /me}, the app), staff of the person's region by id.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "rights-record", description = "灵活就业人员缴费（一次性补缴、中断补缴、定期缴费）与个人权益记录")
@RequiredArgsConstructor
class PersonPaymentApi {
    private final PersonPayments payments;
    private final Contributions contributions;
    private final Persons persons;

    /** The rights record: totals, years (history with the paid months added), the paid months one by one. */
    record RecordDto(long personId, int totalMonths, Money accountTotal, boolean unbroken, List<ContributionYear> years,
                     List<PaidMonth> months) {
        static RecordDto of(RightsRecord r) {
            return new RecordDto(r.personId(), r.totalMonths(), r.accountTotal(), r.unbroken(), r.years(), r.months());
        }
    }

    @PostMapping(path = "/me/contribution-payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "灵活就业人员本人缴费：mode（LUMP_SUM 一次性补缴、GAP 中断补缴、PERIODIC 定期缴费）、year、fromMonth、toMonth、base；逐月说明适用规定及原因")
    ResponseEntity<PersonPayments.Made> payOwn(@AuthenticationPrincipal ShebaoUser user,
                                               @RequestBody(required = false) PersonPayments.Request body) {
        return pay(user, own(user), body);
    }

    @PostMapping(path = "/persons/{id}/contribution-payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "经办人员为灵活就业人员登记缴费（可填缴费日期 paidOn）")
    ResponseEntity<PersonPayments.Made> pay(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                            @RequestBody(required = false) PersonPayments.Request body) {
        PersonPayments.Request r = body == null ? new PersonPayments.Request(null, null, null, null, null, null) : body;
        PersonPayments.Made made = payments.pay(user, id, r);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/rights-record")).body(made);
    }

    @GetMapping("/me/rights-record")
    @Operation(summary = "本人的个人权益记录：年度汇总与逐月缴费记录（缴费日期、计入方式、适用规定、标识）")
    RecordDto ownRecord(@AuthenticationPrincipal ShebaoUser user) {
        return RecordDto.of(contributions.rightsRecord(own(user)));
    }

    @GetMapping("/persons/{id}/rights-record")
    @Operation(summary = "个人权益记录（本统筹区经办人员）")
    RecordDto record(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        persons.person(user, id);
        return RecordDto.of(contributions.rightsRecord(id));
    }

    private static long own(ShebaoUser user) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("rights record");
        }
        return user.personId();
    }
}
