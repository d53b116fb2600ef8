package org.shebao.settlement.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.shebao.identity.ShebaoUser;
import org.shebao.settlement.AuditItem;
import org.shebao.settlement.AuditSample;
import org.shebao.settlement.InternalAudit;
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
 * Internal audit over the API (issue 15, item 2; N-1e, FJ-1.7): the measures with flagged items, a sample drawn (size
 * or share, seed recorded), its items, their second review, and the report per region. Bad input is 400 naming the
 * field, a second review 409, another region's sample 403; nothing written when refused.
 */
@RestController
@RequestMapping("/api/v1/audit")
class InternalAuditApi {
    private final InternalAudit audit;

    InternalAuditApi(InternalAudit audit) {
        this.audit = audit;
    }

    /** A sample with its items in the order drawn. */
    record SampleView(AuditSample sample, List<AuditItem> items) {
    }

    /** A second review: CORRECT, or ERROR with the amount in error (yuan) and a note. */
    record Review(String finding, String errorAmount, String note) {
    }

    @GetMapping("/measures")
    @Operation(summary = "稽核内审：本地区有标识的业务（案件、发放）按政策措施")
    Map<String, List<String>> measures(@AuthenticationPrincipal ShebaoUser user) {
        return audit.measures(user);
    }

    @PostMapping("/samples")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "稽核抽样：按数量或比例随机抽取，记录随机种子以便复现")
    SampleView draw(@AuthenticationPrincipal ShebaoUser user, @RequestBody InternalAudit.Request request) {
        AuditSample s = audit.draw(user, request);
        return new SampleView(s, audit.items(user, s.id()));
    }

    @GetMapping("/samples")
    @Operation(summary = "本地区的稽核样本")
    List<AuditSample> samples(@AuthenticationPrincipal ShebaoUser user) {
        return audit.samples(user);
    }

    @GetMapping("/samples/{id}")
    @Operation(summary = "稽核样本及其抽中事项")
    SampleView sample(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return new SampleView(audit.sample(user, id), audit.items(user, id));
    }

    @PostMapping("/items/{id}/review")
    @Operation(summary = "抽中事项复核：正确，或差错（金额、说明）；每项一次")
    AuditItem review(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestBody Review review) {
        return audit.review(user, id, review.finding(), review.errorAmount(), review.note());
    }

    @GetMapping("/report")
    @Operation(summary = "稽核报告：按地区和政策措施的抽查数、差错数、差错率与金额")
    List<InternalAudit.ReportLine> report(@AuthenticationPrincipal ShebaoUser user) {
        return audit.report(user);
    }
}
