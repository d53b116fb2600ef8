package org.shebao.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseFlag;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseStatus;
import org.shebao.casework.CaseType;
import org.shebao.casework.Channel;
import org.shebao.casework.DeferredMaterials;
import org.shebao.casework.HistoryEntry;
import org.shebao.casework.Submission;
import org.shebao.common.InvalidInputException;
import org.shebao.identity.ShebaoUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import java.util.ArrayList;
import org.shebao.casework.Upload;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * Online applications for the mobile app (N-3a, N-3d): submit (JSON, or multipart with the files), with an
 * {@code Idempotency-Key} so that a retry creates no second case; follow status, missing items and deadlines.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "网上办件：申请、材料、告知承诺、办理进度")
@RequiredArgsConstructor
class CaseApi {
    /**
     * An application as the app sends it: its type is required; no form field and no commitment may be null. What
     * the fields must hold is the business type's to check.
     */
    record ApplicationJson(@NotBlank String type, String idNumber, Map<String, @NotNull String> form,
                           Set<@NotNull(message = "{error.format}") String> commitments, String signature) {
    }

    record CommitmentJson(String item, String clauses, String state, LocalDate dueOn, OffsetDateTime arrivedAt) {
    }

    record CaseJson(long id, String reference, String type, String status, String channel, OffsetDateTime receivedAt,
                    LocalDate dueOn, boolean greenChannel, List<CaseFlag> flags, Map<String, String> form,
                    List<String> missing, List<CommitmentJson> commitments, String decisionReason,
                    List<HistoryEntry> history) {
    }

    private final CaseIntake intake;
    private final CaseQueries queries;
    private final DeferredMaterials ledger;
    private final ObjectMapper json;
    private final Validator validator;

    @GetMapping("/ping")
    @Operation(summary = "连通性检查（已认证）")
    Map<String, Boolean> ping() {
        return Map.of("ok", true);
    }

    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "提交网上申请（无附件）；Idempotency-Key 相同的重复提交返回同一办件")
    ResponseEntity<CaseJson> submitJson(@AuthenticationPrincipal ShebaoUser user, @Valid @RequestBody ApplicationJson a,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return submit(user, a, List.of(), key);
    }

    @PostMapping(path = "/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "提交网上申请与材料：application 部分为 JSON，文件部分以材料代码命名")
    ResponseEntity<CaseJson> submitMultipart(@AuthenticationPrincipal ShebaoUser user,
                                             @RequestPart("application") String application,
                                             MultipartHttpServletRequest request,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        ApplicationJson a;
        try {
            a = json.readValue(application, ApplicationJson.class);
        } catch (JacksonException e) {
            throw InvalidInputException.of("application", "error.format");
        }
        if (a == null) {
            throw InvalidInputException.of("application", "error.format");
        }
        Set<ConstraintViolation<ApplicationJson>> broken = validator.validate(a);
        if (!broken.isEmpty()) {
            throw new ConstraintViolationException(broken);
        }
        List<Upload> uploads = new ArrayList<>();
        request.getMultiFileMap().forEach((name, files) -> {
            if (!"application".equals(name)) {
                files.forEach(f -> uploads.add(CaseForms.upload(name, f)));
            }
        });
        return submit(user, a, uploads, key);
    }

    private ResponseEntity<CaseJson> submit(ShebaoUser user, ApplicationJson a, List<Upload> uploads,
                                            String key) {
        Channel channel = user.isStaff() ? Channel.PHONE : Channel.MOBILE_API;
        CaseIntake.Submitted s = intake.submit(user, new Submission(CaseType.parse(a.type(), "type"), channel, a.idNumber(), a.form(), uploads,
                a.commitments(), a.signature(), key));
        // a case just created without commitments has none in the ledger: the answer need not look them up
        boolean noCommitments = s.created() && (a.commitments() == null || a.commitments().isEmpty());
        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(json(user, s.c(), !noCommitments));
    }

    @GetMapping("/cases")
    @Operation(summary = "我的办件（参保人）或本地区待办（工作人员：可按状态、业务、渠道、逾期、绿色通道、编号或姓名筛选，"
            + "按列排序，分页；X-Total-Count 为符合条件的总件数）")
    ResponseEntity<List<CaseJson>> list(@AuthenticationPrincipal ShebaoUser user,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String type,
                                        @RequestParam(required = false) String channel,
                                        @RequestParam(defaultValue = "false") boolean overdue,
                                        @RequestParam(defaultValue = "false") boolean green,
                                        @RequestParam(required = false) String q,
                                        @RequestParam(required = false) String sort,
                                        @RequestParam(required = false) String dir,
                                        @RequestParam(defaultValue = "0") int page) {
        if (!user.isStaff()) {
            return ResponseEntity.ok(queries.mine(user).stream().map(l -> summary(l.c())).toList());
        }
        CaseQueries.QueuePage p = queries.queue(user, new CaseQueries.QueueFilter(
                named(CaseStatus.class, status, "status"),
                type == null || type.isBlank() ? null : CaseType.parse(type, "type"),
                named(Channel.class, channel, "channel"),
                overdue, green, q, CaseQueries.QueueSort.of(sort), "desc".equals(dir), page));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(p.total()))
                .body(p.rows().stream().map(l -> summary(l.c())).toList());
    }

    /** The value of {@code type} named {@code raw}; nothing chosen: null; a name the list does not have: 400. */
    private static <E extends Enum<E>> E named(Class<E> type, String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(raw.strip())).findFirst()
                .orElseThrow(() -> InvalidInputException.of(field, "error.queue.value", raw.strip()));
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "办件详情：状态、缺件、承诺补交期限、办理记录")
    CaseJson get(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id) {
        return json(user, queries.get(user, id));
    }

    private CaseJson summary(Case c) {
        return new CaseJson(c.id(), c.reference(), c.type().name(), c.status().name(), c.channel().name(), c.receivedAt(),
                c.dueOn(), c.greenChannel(), c.flags(), c.form(), c.missing(), null, c.decisionReason(), null);
    }

    private CaseJson json(ShebaoUser user, Case c) {
        return json(user, c, true);
    }

    private CaseJson json(ShebaoUser user, Case c, boolean withCommitments) {
        LocalDate today = ledger.today();
        List<CommitmentJson> commitments = !withCommitments ? List.of() : ledger.ofCase(user, c.id()).stream()
                .map(m -> new CommitmentJson(m.item(), m.clauses(), m.state(today),
                        m.deadline() == null ? null : m.deadline().dueOn(), m.arrivedAt()))
                .toList();
        return new CaseJson(c.id(), c.reference(), c.type().name(), c.status().name(), c.channel().name(), c.receivedAt(),
                c.dueOn(), c.greenChannel(), c.flags(), c.form(), c.missing(), commitments, c.decisionReason(),
                queries.history(user, c.id()));
    }
}
