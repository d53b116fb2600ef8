package org.shebao.workinjury.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.Upload;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.workinjury.Applicant;
import org.shebao.workinjury.Appraisals;
import org.shebao.workinjury.ClaimChannel;
import org.shebao.workinjury.NursingLevel;
import org.shebao.workinjury.Recognitions;
import org.shebao.workinjury.Suspensions;
import org.shebao.workinjury.WorkInjuryQueries;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work-injury screens: the worklist of the section and of the department, registering a recognition
 * application with its claim times and evidence (FJ-6c), the case page (timeline, time limits and the rule behind
 * each, the department's and the committee's steps), the suspensions of on-site appraisal (FJ-6a, administrators)
 * and the person's own view in the portal.
 */
@Controller
@RequiredArgsConstructor
class WorkInjuryPages {
    private static final List<ClaimChannel> ROWS = List.of(ClaimChannel.values());
    /** The dependents' rows of the death form (the API takes up to DeathBenefits.MAX_DEPENDENTS). */
    private static final int DEPENDENT_ROWS = 4;

    private final WorkInjuryQueries queries;
    private final Recognitions recognitions;
    private final Appraisals appraisals;
    private final Suspensions suspensions;
    private final org.shebao.workinjury.DeathBenefits deaths;
    private final Persons persons;
    private final MessageSource messages;

    @GetMapping("/workinjury")
    String worklist(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("items", queries.worklist(user));
        model.addAttribute("today", queries.today());
        model.addAttribute("canRegister", user.has(Role.CLERK, Role.REVIEWER, Role.INJURY_RECOGNITION));
        return "workinjury/worklist";
    }

    @GetMapping("/workinjury/recognitions/new")
    String newRecognition(Model model) {
        return form(model, Map.of());
    }

    private String form(Model model, Map<String, String> values) {
        model.addAttribute("rows", ROWS);
        model.addAttribute("applicants", List.of(Applicant.values()));
        model.addAttribute("v", values);
        return "workinjury/new";
    }

    @PostMapping("/workinjury/recognitions")
    String register(@AuthenticationPrincipal ShebaoUser user, @RequestParam Map<String, String> params,
                    @RequestParam Map<String, MultipartFile> files, Model model,
                    RedirectAttributes redirect) {
        var created = FormErrors.attempt(model, messages, () -> {
            Person p = persons.personByIdNumber(user, params.getOrDefault("idNumber", ""), "idNumber")
                    .orElseThrow(() -> InvalidInputException.of("idNumber", "error.wi.person.notFound"));
            List<Recognitions.ClaimInput> claims = new ArrayList<>();
            for (int i = 0; i < ROWS.size(); i++) {
                MultipartFile f = files.get("claims[" + i + "].evidence");
                claims.add(new Recognitions.ClaimInput(ROWS.get(i).name(), params.get("claims[" + i + "].on"),
                        params.get("claims[" + i + "].note"), upload(f)));
            }
            return recognitions.apply(user, p.id(), new Recognitions.Application(params.get("applicant"),
                    params.get("injuredOn"), params.get("description"), "true".equals(params.get("medicalWorker")),
                    "true".equals(params.get("infectedAtWork")), "true".equals(params.get("sentToEpidemicArea")),
                    claims));
        });
        if (created.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.wi.registered");
            return "redirect:/workinjury/recognitions/" + created.get().id();
        }
        return form(model, params);
    }

    static Upload upload(MultipartFile f) {
        if (f == null || f.isEmpty()) {
            return null;
        }
        try {
            return new Upload("EVIDENCE", f.getOriginalFilename(), f.getContentType(), f.getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("upload could not be read", e);
        }
    }

    @GetMapping("/workinjury/recognitions/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("c", queries.view(user, id));
        model.addAttribute("today", queries.today());
        model.addAttribute("department", user.has(Role.INJURY_RECOGNITION));
        model.addAttribute("committee", user.has(Role.INJURY_RECOGNITION, Role.REVIEWER));
        model.addAttribute("section", user.has(Role.CLERK, Role.REVIEWER));
        model.addAttribute("grades", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "NONE"));
        model.addAttribute("nursingLevels", List.of(NursingLevel.values()));
        model.addAttribute("outcomes", List.of("RECOGNIZED", "NOT_RECOGNIZED"));
        model.addAttribute("death", deaths.of(user, id).orElse(null));
        model.addAttribute("relations", List.of(org.shebao.workinjury.DeathBenefitRule.Relation.values()));
        model.addAttribute("dependentRows", java.util.stream.IntStream.range(0, DEPENDENT_ROWS).boxed().toList());
        return "workinjury/case";
    }

    @PostMapping("/workinjury/recognitions/{id}/acceptance")
    String accept(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                  @RequestParam(required = false) String acceptedOn,
                  @RequestParam(defaultValue = "false") boolean clearFacts, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.wi.accepted", () -> recognitions.accept(user, id, version,
                new Recognitions.Acceptance(acceptedOn, clearFacts), "SCREEN"));
    }

    @PostMapping("/workinjury/recognitions/{id}/decision")
    String decide(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                  @RequestParam(required = false) String outcome, @RequestParam(required = false) String decidedOn,
                  @RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String note,
                  Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.wi.decided", () -> recognitions.decide(user, id, version,
                new Recognitions.Decision(outcome, decidedOn, decisionNumber, note), "SCREEN"));
    }

    @PostMapping("/workinjury/recognitions/{id}/appraisals")
    String applyAppraisal(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                          @RequestParam(required = false) String appliedOn, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.wi.appraisalApplied", () -> appraisals.apply(user,
                recognitions.get(user, id).personId(), id, appliedOn));
    }

    @PostMapping("/workinjury/recognitions/{id}/appraisals/{appraisal}/extension")
    String extend(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable long appraisal,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.wi.extended", () -> appraisals.extend(user, appraisal, reason));
    }

    @PostMapping("/workinjury/recognitions/{id}/appraisals/{appraisal}/conclusion")
    String conclude(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable long appraisal,
                    @RequestParam(required = false) String grade, @RequestParam(required = false) String nursingLevel,
                    @RequestParam(required = false) String concludedOn,
                    @RequestParam(required = false) String receivedOn,
                    @RequestParam(name = "document", required = false) MultipartFile document, Model model,
                    RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.wi.concluded", () -> appraisals.conclude(user, appraisal,
                new Appraisals.Conclusion(grade, nursingLevel, concludedOn, receivedOn), upload(document)));
    }

    @PostMapping("/workinjury/recognitions/{id}/appraisals/{appraisal}/reappraisal")
    String reappraisal(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @PathVariable long appraisal,
                       @RequestParam(required = false) String requestedOn, Model model, RedirectAttributes redirect) {
        return step(user, id, model, redirect, "notice.wi.reappraisal",
                () -> appraisals.requestReappraisal(user, appraisal, requestedOn));
    }

    /** The death of the worker with the dependents (工伤保险条例 第三十九条); rows left empty are no dependent. */
    @PostMapping("/workinjury/recognitions/{id}/death")
    String recordDeath(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                       @RequestParam java.util.Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<org.shebao.workinjury.DeathBenefits.DependentInput> rows = new java.util.ArrayList<>();
        for (int i = 0; i < DEPENDENT_ROWS; i++) {
            String f = "dependents[" + i + "].";
            rows.add(new org.shebao.workinjury.DeathBenefits.DependentInput(form.get(f + "idNumber"),
                    form.get(f + "relation"), "true".equals(form.get(f + "alone")), form.get(f + "bankAccount")));
        }
        model.addAttribute("deathForm", form);
        return step(user, id, model, redirect, "notice.wi.deathRecorded", () -> deaths.record(user, id,
                new org.shebao.workinjury.DeathBenefits.DeathInput(form.get("diedOn"), form.get("payeeIdNumber"),
                        form.get("payeeBankAccount"), rows)));
    }

    private String step(ShebaoUser user, long id, Model model, RedirectAttributes redirect, String notice,
                        Supplier<?> action) {
        if (FormErrors.attempt(model, messages, action).isPresent()) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/workinjury/recognitions/" + id;
        }
        return show(user, id, model);
    }

    @GetMapping("/workinjury/suspensions")
    String suspensions(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("suspensions", suspensions.covering(user.region().value()));
        model.addAttribute("canRecord", user.has(Role.ADMIN));
        return "workinjury/suspensions";
    }

    @PostMapping("/workinjury/suspensions")
    String recordSuspension(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String startsOn,
                            @RequestParam(required = false) String endsOn,
                            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> suspensions.record(user, startsOn, endsOn, reason)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.wi.suspension");
            return "redirect:/workinjury/suspensions";
        }
        model.addAttribute("startsOn", startsOn);
        model.addAttribute("endsOn", endsOn);
        model.addAttribute("reason", reason);
        return suspensions(user, model);
    }

    @GetMapping("/portal/work-injury")
    String portal(@AuthenticationPrincipal ShebaoUser user, Model model) {
        if (user.personId() == null) {
            throw new AccessDeniedToRecordException("work injury");
        }
        model.addAttribute("cases", queries.mine(user));
        model.addAttribute("today", queries.today());
        return "workinjury/portal";
    }
}
