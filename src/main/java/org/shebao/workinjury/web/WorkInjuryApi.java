package org.shebao.workinjury.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.workinjury.Appraisal;
import org.shebao.workinjury.Appraisals;
import org.shebao.workinjury.Due;
import org.shebao.workinjury.Recognition;
import org.shebao.workinjury.Recognitions;
import org.shebao.workinjury.WorkInjuryQueries;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * Work injury over the API: the person's own progress for the mobile app ({@code /me/work-injury}); the section
 * registers recognition applications and appraisals; the administrative department's system (SX-2: 与行政部门数据共享)
 * sends its acceptance and decision as a user of the department's role (HTTP Basic or a bearer token). An unknown case
 * is 404 and a case outside the department's region 403, with nothing written; bad input 400 naming the field.
 */
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class WorkInjuryApi {
    private final WorkInjuryQueries queries;
    private final Recognitions recognitions;
    private final Appraisals appraisals;
    private final org.shebao.workinjury.DeathBenefits deaths;
    private final MessageSource messages;

    /** A time limit with its status today and the rule's text in the caller's language. */
    record DueJson(String kind, String kindText, LocalDate from, LocalDate dueOn, LocalDate movedFrom, boolean pending,
                   String status, String statusText, String rule, String ruleText, List<String> clauses, String note,
                   LocalDate doneOn) {
    }

    record AppraisalJson(long id, Long reappraisalOf, LocalDate appliedOn, boolean extended, boolean concluded,
                         Integer grade, String gradeText, String nursingLevel, String nursingLevelText,
                         LocalDate concludedOn, LocalDate receivedOn, DueJson conclusionDeadline,
                         DueJson reappraisalDeadline) {
    }

    record RecognitionJson(long id, String status, String statusText, LocalDate injuredOn, String description,
                           String applicant, boolean greenChannel, List<String> greenChannelClauses,
                           LocalDate appliedOn, LocalDate acceptedOn, LocalDate decidedOn, String decisionNumber,
                           List<DueJson> deadlines, List<AppraisalJson> appraisals) {
    }

    record ClaimJson(String channel, String on, String note) {
    }

    record RecognitionRequest(Long personId, String applicant, String injuredOn, String description,
                              Boolean medicalWorker, Boolean infectedAtWork, Boolean sentToEpidemicArea,
                              List<ClaimJson> claims) {
    }

    record AcceptanceRequest(String acceptedOn, Boolean clearFacts) {
    }

    record DecisionRequest(String outcome, String decidedOn, String decisionNumber, String note) {
    }

    record AppraisalRequest(Long personId, Long recognitionId, String appliedOn) {
    }

    @GetMapping("/me/work-injury")
    @Operation(summary = "本人的工伤认定、劳动能力鉴定进度及各项时限（移动端）")
    List<RecognitionJson> mine(@AuthenticationPrincipal ShebaoUser user) {
        return queries.mine(user).stream().map(this::json).toList();
    }

    @GetMapping("/workinjury/recognitions/{id}")
    @Operation(summary = "工伤认定案件及其时限")
    RecognitionJson get(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return json(queries.view(user, id));
    }

    @PostMapping("/workinjury/recognitions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记工伤认定申请（各申请方式的时间及证据说明，FJ-6c）")
    RecognitionJson register(@AuthenticationPrincipal ShebaoUser user, @RequestBody RecognitionRequest body) {
        List<Recognitions.ClaimInput> claims = body.claims() == null ? List.of() : body.claims().stream()
                .map(c -> c == null ? new Recognitions.ClaimInput(null, null, null, null)
                        : new Recognitions.ClaimInput(c.channel(), c.on(), c.note(), null)).toList();
        Recognition r = recognitions.apply(user, required(body.personId()), new Recognitions.Application(body.applicant(),
                body.injuredOn(), body.description(), Boolean.TRUE.equals(body.medicalWorker()),
                Boolean.TRUE.equals(body.infectedAtWork()), Boolean.TRUE.equals(body.sentToEpidemicArea()), claims));
        return json(queries.view(user, r.id()));
    }

    @PostMapping("/workinjury/recognitions/{id}/acceptance")
    @Operation(summary = "人社行政部门系统：受理工伤认定申请（SX-2 数据接口）")
    RecognitionJson accept(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestBody AcceptanceRequest body) {
        recognitions.accept(user, id, null, new Recognitions.Acceptance(body.acceptedOn(),
                Boolean.TRUE.equals(body.clearFacts())), "API");
        return json(queries.view(user, id));
    }

    @PostMapping("/workinjury/recognitions/{id}/decision")
    @Operation(summary = "人社行政部门系统：工伤认定决定（SX-2 数据接口）")
    RecognitionJson decide(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestBody DecisionRequest body) {
        recognitions.decide(user, id, null, new Recognitions.Decision(body.outcome(), body.decidedOn(),
                body.decisionNumber(), body.note()), "API");
        return json(queries.view(user, id));
    }

    @PostMapping("/workinjury/appraisals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请劳动能力鉴定（仅限已认定工伤的人员）")
    AppraisalJson applyAppraisal(@AuthenticationPrincipal ShebaoUser user, @RequestBody AppraisalRequest body) {
        Appraisal a = appraisals.apply(user, required(body.personId()), body.recognitionId(), body.appliedOn());
        return appraisalJson(a.recognitionId(), a.id(), user);
    }

    @PostMapping(path = "/workinjury/appraisals/{id}/conclusion", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "录入劳动能力鉴定结论（伤残等级一至十级或未达级、生活自理障碍等级，附结论书）")
    AppraisalJson conclude(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                           @RequestPart("application") Appraisals.Conclusion body,
                           @RequestPart(name = "document", required = false) MultipartFile document) {
        Appraisal a = appraisals.conclude(user, id, body, WorkInjuryPages.upload(document));
        return appraisalJson(a.recognitionId(), a.id(), user);
    }

    @PostMapping("/workinjury/recognitions/{id}/death")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记因工死亡及供养亲属：丧葬补助金、供养亲属抚恤金、一次性工亡补助金（工伤保险条例 第三十九条）")
    org.shebao.workinjury.DeathBenefits.Death recordDeath(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                                          @RequestBody org.shebao.workinjury.DeathBenefits.DeathInput body) {
        return deaths.record(user, id, body);
    }

    @GetMapping("/workinjury/recognitions/{id}/death")
    @Operation(summary = "因工死亡待遇的核定（各项输入及来源）与支付单")
    org.shebao.workinjury.DeathBenefits.Death death(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return deaths.of(user, id).orElseThrow(() -> new org.shebao.common.NotFoundException("work-injury death " + id));
    }

    private AppraisalJson appraisalJson(long recognitionId, long appraisalId, ShebaoUser user) {
        return queries.view(user, recognitionId).appraisals().stream()
                .filter(v -> v.appraisal().id() == appraisalId).findFirst().map(this::json).orElseThrow();
    }

    private RecognitionJson json(WorkInjuryQueries.RecognitionView v) {
        Recognition r = v.recognition();
        return new RecognitionJson(r.id(), r.status().name(), text("wi.recognition." + r.status()), r.injuredOn(),
                r.description(), r.applicant().name(), r.greenChannel(),
                r.greenChannel() ? List.of(r.greenClauses().split(", ")) : List.of(), r.appliedOn(), r.acceptedOn(),
                r.decidedOn(), r.decisionNumber(), v.dues().stream().map(this::json).toList(),
                v.appraisals().stream().map(this::json).toList());
    }

    private AppraisalJson json(WorkInjuryQueries.AppraisalView v) {
        Appraisal a = v.appraisal();
        return new AppraisalJson(a.id(), a.reappraisalOf(), a.appliedOn(), a.extended(), a.concluded(), a.grade(),
                a.concluded() ? text("wi.grade." + (a.grade() == null ? "NONE" : a.grade())) : null,
                a.nursingLevel() == null ? null : a.nursingLevel().name(),
                a.nursingLevel() == null ? null : text("wi.nursing." + a.nursingLevel()), a.concludedOn(),
                a.receivedOn(), json(v.conclusion()), v.reappraisal() == null ? null : json(v.reappraisal()));
    }

    private DueJson json(Due d) {
        Due.Status s = d.status(queries.today());
        return new DueJson(d.kind(), text("wi.kind." + d.kind()), d.from(), d.dueOn(), d.movedFrom(), d.pending(),
                s.name(), text("wi.due." + s), d.rule(),
                messages.getMessage("wi.rule." + d.rule(), d.ruleArgs().toArray(), d.rule(), LocaleContextHolder.getLocale()),
                d.clauses(), d.note(), d.doneOn());
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** The person an application is for: required in the body. */
    private static long required(Long personId) {
        if (personId == null) {
            throw org.shebao.common.InvalidInputException.of("personId", "error.required");
        }
        return personId;
    }
}
