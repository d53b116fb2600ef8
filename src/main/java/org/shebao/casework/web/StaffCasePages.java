package org.shebao.casework.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseStatus;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseType;
import org.shebao.casework.CaseWorkflow;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.Certificates;
import org.shebao.casework.Channel;
import org.shebao.casework.DeferredMaterials;
import org.shebao.casework.Submission;
import org.shebao.common.InvalidInputException;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadlines;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.util.Optional;
import org.shebao.common.NotFoundException;

/**
 * Staff screens: the work queue (green channel first), a case with its materials beside the checklist and the
 * actions the user's role allows, and the assisted channel (FJ-3: a phone request registered on the person's behalf).
 */
@Controller
@RequestMapping("/casework")
@RequiredArgsConstructor
class StaffCasePages {
    private final CaseIntake intake;
    private final EmployerDeferrals deferrals;
    private final CaseWorkflow workflow;
    private final CaseQueries queries;
    private final DeferredMaterials ledger;
    private final Certificates certificates;
    private final Deadlines deadlines;
    private final MessageSource messages;

    /**
     * The work queue (issue 17 item 5): filters by status, type, channel, overdue and green channel, a search by
     * case reference or applicant's name, sortable columns, page numbers, and totals of everything the filter matches.
     * A value no list offers (typed into the address) is ignored, as if no filter had been chosen.
     */
    @GetMapping("/queue")
    String queue(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String channel,
                 @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean green,
                 @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                 @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        CaseStatus s = known(CaseStatus.values(), status);
        CaseType t = known(queries.types().toArray(CaseType[]::new), type);
        Channel ch = known(Channel.values(), channel);
        CaseQueries.QueueSort by = CaseQueries.QueueSort.of(sort);
        boolean desc = "desc".equals(dir);
        CaseQueries.QueueFilter filter = new CaseQueries.QueueFilter(s, t, ch, overdue, green, q, by, desc, page);
        CaseQueries.QueuePage result = queries.queue(user, filter);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.rows());
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("channel", ch == null ? "" : ch.name());
        model.addAttribute("overdue", overdue);
        model.addAttribute("green", green);
        model.addAttribute("q", filter.q() == null ? "" : filter.q());
        model.addAttribute("sort", by == CaseQueries.QueueSort.PRIORITY ? "" : by.name().toLowerCase());
        model.addAttribute("dir", desc ? "desc" : "asc");
        model.addAttribute("types", queries.types());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("page", page);
        model.addAttribute("pageNumbers", pageNumbers(page, result.pages()));
        model.addAttribute("today", deadlines.today());
        return "casework/queue";
    }

    /** The enum value named {@code raw}, or null when none is (or nothing was chosen). */
    private static <E extends Enum<E>> E known(E[] values, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(values).filter(x -> x.name().equals(raw.strip())).findFirst().orElse(null);
    }

    /** The page numbers (0-based) a pager shows: the first, the last, and two either side of the current one. */
    static List<Integer> pageNumbers(int page, int pages) {
        java.util.TreeSet<Integer> n = new java.util.TreeSet<>();
        n.add(0);
        n.add(pages - 1);
        for (int i = page - 2; i <= page + 2; i++) {
            if (i >= 0 && i < pages) {
                n.add(i);
            }
        }
        return List.copyOf(n);
    }

    @GetMapping("/cases/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        CaseQueries.Listed l = queries.listed(user, id);
        Case c = l.c();
        model.addAttribute("listed", l);
        model.addAttribute("kase", c);
        model.addAttribute("checklist", queries.handler(c.type()).checklist());
        model.addAttribute("detailsPath", queries.handler(c.type()).detailsPath(c));
        model.addAttribute("approvalWaitsFor", queries.handler(c.type()).approvalWaitsFor());
        model.addAttribute("history", queries.history(user, id));
        model.addAttribute("materials", queries.materials(user, id));
        model.addAttribute("commitments", ledger.ofCase(user, id));
        model.addAttribute("documents", certificates.ofCase(id));
        model.addAttribute("today", deadlines.today());
        return "casework/case";
    }

    @PostMapping("/cases/{id}/{action}")
    String act(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String action,
               @RequestParam int version, @RequestParam(required = false) String reason,
               @RequestParam(required = false) List<String> missing, Model model, RedirectAttributes redirect) {
        boolean done = FormErrors.attempt(model, messages, () -> switch (action) {
            case "accept" -> workflow.accept(user, id, version);
            case "return" -> workflow.returnCase(user, id, version, missing, reason);
            case "pre-review" -> workflow.preReview(user, id, version, reason);
            case "approve" -> workflow.approve(user, id, version);
            case "reject" -> workflow.reject(user, id, version, reason);
            default -> throw new NotFoundException("action " + action);
        }).isPresent();
        if (done) {
            redirect.addFlashAttribute("notice", "notice.case." + action);
            return "redirect:/casework/cases/" + id;
        }
        model.addAttribute("failedAction", action);
        model.addAttribute("reason", reason);
        model.addAttribute("missing", missing == null ? List.of() : missing);
        return show(user, id, model);
    }

    /** The issuing agency revokes a sealed document, or re-issues it, with a reason (issue 16). */
    @PostMapping("/cases/{id}/documents/{code}/{action}")
    String document(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable String code,
                    @PathVariable String action, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        boolean revoke = "revoke".equals(action);
        if (!revoke && !"reissue".equals(action)) {
            throw new NotFoundException("action " + action);
        }
        queries.get(user, id);
        boolean done = FormErrors.attempt(model, messages, () -> revoke ? certificates.revoke(user, code, reason)
                : certificates.reissue(user, code, reason)).isPresent();
        if (done) {
            redirect.addFlashAttribute("notice", "notice.document." + action);
            return "redirect:/casework/cases/" + id;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("documentFailed", code);
        model.addAttribute("reason", reason);
        return show(user, id, model);
    }

    @GetMapping("/cases/{id}/materials/{materialId}")
    ResponseEntity<byte[]> material(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                                    @PathVariable long materialId) {
        return MaterialDownload.of(queries.materialContent(user, id, materialId));
    }

    @GetMapping("/cases/new")
    String assistedForm(@AuthenticationPrincipal ShebaoUser user,
                        @RequestParam(defaultValue = "ENROLLMENT") String type, Model model) {
        prepare(user, type, model, Map.of());
        return "casework/apply";
    }

    private void prepare(ShebaoUser user, String type, Model model, Map<String, String> form) {
        deferrals.maximum(user.region()).ifPresent(m -> {
            model.addAttribute("maxMonths", m.months());
            model.addAttribute("maxSource", m.documents());
        });
        model.addAttribute("type", type);
        model.addAttribute("types", queries.types());
        model.addAttribute("checklist", queries.handlerOfPage(type).checklist());
        model.addAttribute("employerType", queries.handlerOfPage(type).employerCase());
        model.addAttribute("form", form);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("action", "/casework/cases");
        model.addAttribute("staff", true);
        model.addAttribute("channels", Arrays.stream(Channel.values()).filter(Channel::assisted).toList());
    }

    @PostMapping("/cases")
    String assistedSubmit(@AuthenticationPrincipal ShebaoUser user, @RequestParam String type,
                          @RequestParam Map<String, String> params, @RequestParam(required = false) String idNumber,
                          @RequestParam(defaultValue = "PHONE") String channel,
                          @RequestParam(required = false) String idempotencyKey,
                          @RequestParam(required = false) List<String> commit,
                          @RequestParam(required = false) String signature, MultipartHttpServletRequest request,
                          Model model, RedirectAttributes redirect) {
        Map<String, String> form = CaseForms.fields(params);
        Optional<CaseIntake.Submitted> done = FormErrors.attempt(model, messages, () -> {
            Channel ch;
            try {
                ch = Channel.valueOf(channel);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("channel", "error.case.channel");
            }
            return intake.submit(user, new Submission(CaseType.parse(type, "type"), ch, idNumber, form,
                    CaseForms.uploads(request.getMultiFileMap()), CaseForms.commitments(commit), signature,
                    idempotencyKey));
        });
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", done.get().created() ? "notice.case.registered" : "notice.case.already");
            return "redirect:/casework/cases/" + done.get().c().id();
        }
        prepare(user, type, model, form);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("idNumber", idNumber);
        model.addAttribute("channel", channel);
        model.addAttribute("commits", CaseForms.commitments(commit));
        model.addAttribute("signature", signature);
        return "casework/apply";
    }
}
