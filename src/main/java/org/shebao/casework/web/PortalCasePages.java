package org.shebao.casework.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Case;
import org.shebao.casework.CaseStatus;
import org.shebao.casework.CaseIntake;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.CaseType;
import org.shebao.casework.Certificates;
import org.shebao.casework.Channel;
import org.shebao.casework.CommitmentLetters;
import org.shebao.casework.DeferredMaterials;
import org.shebao.casework.Submission;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Measures;
import org.shebao.common.RegionCode;
import org.shebao.contribution.EmployerDeferrals;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.shebao.registry.Persons;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.util.Optional;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.policy.Deadlines;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The citizen's online service (N-1a, N-3a, N-3d): apply, follow each case, answer a return, read messages. */
@Controller
@RequestMapping("/portal/cases")
@RequiredArgsConstructor
class PortalCasePages {
    private final CaseIntake intake;
    private final CaseQueries queries;
    private final DeferredMaterials ledger;
    private final Certificates certificates;
    private final Persons persons;
    private final Employers employers;
    private final EmployerDeferrals deferrals;
    private final Measures measures;
    private final Deadlines deadlines;
    private final MessageSource messages;

    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("cases", queries.mine(user));
        model.addAttribute("types", queries.typesFor(user));
        return "casework/portal-cases";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal ShebaoUser user, @RequestParam String type, Model model) {
        prepareForm(user, type, model, Map.of());
        return "casework/apply";
    }

    private void prepareForm(ShebaoUser user, String type, Model model, Map<String, String> form) {
        var handler = queries.handlerOfPage(type);
        if (!queries.typesFor(user).contains(handler.type())) {
            // a unit's account applies for the unit's own business (e.g. a deferral), a person's for the person's
            throw new AccessDeniedToRecordException("application form");
        }
        model.addAttribute("type", type);
        model.addAttribute("guideRegion", user.region().value());
        model.addAttribute("checklist", handler.checklist());
        model.addAttribute("form", form);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("action", "/portal/cases");
        model.addAttribute("staff", false);
        model.addAttribute("employerType", handler.employerCase());
        if (handler.employerCase()) {
            Employer employer = employers.employer(user, user.employerId());
            model.addAttribute("applicantName", employer.name());
            model.addAttribute("applicantId", CaseIntake.maskedCreditCode(employer.creditCode()));
            deferrals.maximum(new RegionCode(employer.regionCode())).ifPresent(m -> {
                model.addAttribute("maxMonths", m.months());
                model.addAttribute("maxSource", m.documents());
            });
            return;
        }
        var person = persons.person(user, user.personId());
        model.addAttribute("applicantName", person.name());
        model.addAttribute("applicantId", person.maskedIdNumber());
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        var rule = measures.status("COMMITMENT_RULE", new RegionCode(person.regionCode()), deadlines.today());
        model.addAttribute("commitmentRule", rule);
        // the full text of each commitment letter the applicant may sign, read before ticking and signing it
        Map<String, String> letters = new java.util.LinkedHashMap<>();
        handler.checklist().stream().filter(i -> i.required()).forEach(i -> letters.put(i.code(), CommitmentLetters.text(
                person.name(), person.maskedIdNumber(), CommitmentLetters.REFERENCE_PENDING, i.code(), rule.clauseList())));
        model.addAttribute("letters", letters);
        model.addAttribute("action", "/portal/cases");
        model.addAttribute("staff", false);
    }

    @PostMapping
    String submit(@AuthenticationPrincipal ShebaoUser user, @RequestParam String type,
                  @RequestParam Map<String, String> params, @RequestParam(required = false) List<String> commit,
                  @RequestParam(required = false) String signature, @RequestParam(required = false) String idempotencyKey,
                  MultipartHttpServletRequest request, Model model,
                  RedirectAttributes redirect) {
        Map<String, String> form = CaseForms.fields(params);
        Optional<CaseIntake.Submitted> done = FormErrors.attempt(model, messages, () -> intake.submit(user,
                new Submission(CaseType.parse(type, "type"), Channel.WEB, null, form, CaseForms.uploads(request.getMultiFileMap()),
                        CaseForms.commitments(commit), signature, idempotencyKey)));
        if (done.isPresent()) {
            redirect.addFlashAttribute("notice", done.get().created() ? "notice.case.submitted" : "notice.case.already");
            return "redirect:/portal/cases/" + done.get().c().id();
        }
        prepareForm(user, type, model, form);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("commits", CaseForms.commitments(commit));
        model.addAttribute("signature", signature);
        return "casework/apply";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Case c = queries.get(user, id);
        model.addAttribute("kase", c);
        model.addAttribute("checklist", queries.handler(c.type()).checklist());
        model.addAttribute("history", queries.history(user, id));
        model.addAttribute("materials", queries.materials(user, id));
        model.addAttribute("commitments", ledger.ofCase(user, id));
        model.addAttribute("documents", certificates.ofCase(id));
        model.addAttribute("today", deadlines.today());
        if (c.status() == CaseStatus.RETURNED) {
            model.addAttribute("commitmentRule", measures.status("COMMITMENT_RULE", new RegionCode(c.regionCode()),
                    deadlines.today()));
        }
        return "casework/portal-case";
    }

    @PostMapping("/{id}/resubmit")
    String resubmit(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                    @RequestParam(required = false) List<String> commit, @RequestParam(required = false) String signature,
                    MultipartHttpServletRequest request, Model model,
                    RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> intake.resubmit(user, id, version,
                CaseForms.uploads(request.getMultiFileMap()), CaseForms.commitments(commit), signature)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.case.resubmitted");
            return "redirect:/portal/cases/" + id;
        }
        model.addAttribute("commits", CaseForms.commitments(commit));
        model.addAttribute("signature", signature);
        return show(user, id, model);
    }

    @GetMapping("/{id}/materials/{materialId}")
    ResponseEntity<byte[]> material(@AuthenticationPrincipal ShebaoUser user,
                                                             @PathVariable long id, @PathVariable long materialId) {
        return MaterialDownload.of(queries.materialContent(user, id, materialId));
    }
}
