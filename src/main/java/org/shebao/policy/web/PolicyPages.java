package org.shebao.policy.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadline;
import org.shebao.policy.internal.DeadlineRule;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Emergencies;
import org.shebao.policy.Emergencies.DateEntry;
import org.shebao.policy.Emergencies.Declaration;
import org.shebao.policy.Emergency;
import org.shebao.policy.internal.HolidayCalendar;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Measures;
import org.shebao.policy.internal.ParameterDefinition;
import org.shebao.policy.ParameterValue;
import org.shebao.policy.Parameters;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.NotFoundException;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The administrator's policy screen (应急状态与政策参数): per jurisdiction, its emergencies with their dates and
 * derived deadlines, the measures in force on a day with their clauses, and the parameters with their sources; and
 * the emergency page where dates are entered or corrected.
 */
@Controller
@RequestMapping("/admin/policy")
@RequiredArgsConstructor
class PolicyPages {
    /** A deadline rule's deadline for an emergency, with the open items hanging on it. */
    record RuleLine(DeadlineRule rule, Deadline deadline, int openPending, int openWithDate) {
    }

    /** An emergency with its derived deadlines, for the screens. */
    record EmergencyView(Emergency emergency, String regionName, List<RuleLine> rules, int openPending) {
    }

    /** A parameter as it stands for the jurisdiction on the day: the value (or none) and where it comes from. */
    record ParameterLine(ParameterDefinition definition, ParameterValue value, String definedByName, boolean inherited) {
    }

    private final Emergencies emergencies;
    private final Deadlines deadlines;
    private final Measures measures;
    private final Parameters parameters;
    private final Jurisdictions jurisdictions;
    private final HolidayCalendar calendar;
    private final MessageSource messages;

    @GetMapping
    String overview(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String region,
                    @RequestParam(required = false) String on, Model model) {
        List<Jurisdiction> tabs = jurisdictions.all().stream()
                .filter(j -> user.region().covers(j.code()) || j.code().covers(user.region())).toList();
        Jurisdiction selected = tabs.stream().filter(j -> j.code().value().equals(region)).findFirst()
                .orElseGet(() -> jurisdictions.get(user.region()));
        LocalDate today = deadlines.today();
        LocalDate day = today;
        if (on != null && !on.isBlank()) {
            try {
                day = LocalDate.parse(on.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("dayError", true);
            }
        }
        RegionCode code = selected.code();
        model.addAttribute("tabs", tabs);
        model.addAttribute("selected", selected);
        model.addAttribute("day", day);
        model.addAttribute("today", today);
        model.addAttribute("canDeclare", user.region().covers(code));
        model.addAttribute("emergencies", emergencies.visibleTo(code).stream().map(this::view).toList());
        model.addAttribute("measures", measures.all(code, day));
        Map<String, String> ruleNames = new LinkedHashMap<>();
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        deadlines.rules().forEach(r -> ruleNames.put(r.code(), en ? r.nameEn() : r.name()));
        model.addAttribute("ruleNames", ruleNames);
        List<ParameterLine> lines = new ArrayList<>();
        for (ParameterDefinition d : parameters.definitions()) {
            ParameterValue v = parameters.find(d.key(), code, day).orElse(null);
            lines.add(new ParameterLine(d, v, v == null ? null : jurisdictions.nameOf(v.region().value()),
                    v != null && !v.region().equals(code)));
        }
        model.addAttribute("parameters", lines);
        model.addAttribute("calendarYears", calendar.years().values());
        model.addAttribute("calendarKnowsToday", calendar.knows(today.getYear()));
        model.addAttribute("regions", tabs.stream().filter(j -> user.region().covers(j.code())).toList());
        return "policy/overview";
    }

    @GetMapping("/parameters")
    String parameter(@RequestParam String key, Model model) {
        ParameterDefinition d = parameters.definition(key).orElseThrow(() ->
                new NotFoundException("parameter " + key));
        model.addAttribute("definition", d);
        Map<ParameterValue, String> values = new LinkedHashMap<>();
        for (ParameterValue v : parameters.history(key)) {
            values.put(v, jurisdictions.nameOf(v.region().value()));
        }
        model.addAttribute("values", values);
        return "policy/parameter";
    }

    @PostMapping("/emergencies")
    String declare(@AuthenticationPrincipal ShebaoUser user, @ModelAttribute("declareForm") Declaration form,
                   Model model, RedirectAttributes redirect) {
        Optional<Emergency> e = FormErrors.attempt(model, messages, () -> emergencies.declare(user, form));
        if (e.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.emergency.declared");
            return "redirect:/admin/policy/emergencies/" + e.get().id();
        }
        return overview(user, form.region(), null, model);
    }

    @GetMapping("/emergencies/{id}")
    String emergency(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Emergency e = emergencies.get(id);
        if (!user.region().covers(e.region()) && !e.region().covers(user.region())) {
            throw new AccessDeniedToRecordException("emergency");
        }
        model.addAttribute("view", view(e));
        model.addAttribute("canEdit", user.region().covers(e.region()));
        model.addAttribute("history", emergencies.history(id));
        model.addAttribute("today", deadlines.today());
        return "policy/emergency";
    }

    @PostMapping("/emergencies/{id}/dates")
    String enterDates(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int version,
                      @ModelAttribute("datesForm") DateEntry form, Model model, RedirectAttributes redirect) {
        Optional<Emergencies.DatesEntered> entered = FormErrors.attempt(model, messages, () ->
                emergencies.enterDates(user, id, version, form));
        if (entered.isPresent()) {
            Emergencies.DatesEntered r = entered.get();
            redirect.addFlashAttribute("notice", "notice.emergency.dates");
            redirect.addFlashAttribute("entered", List.of(r.itemsGotDeadline(), r.itemsRescheduled(), r.itemsPendingAgain()));
            return "redirect:/admin/policy/emergencies/" + id;
        }
        return emergency(user, id, model);
    }

    private EmergencyView view(Emergency e) {
        List<RuleLine> rules = new ArrayList<>();
        int pending = 0;
        for (Deadline d : deadlines.forEmergency(e)) {
            int[] counts = deadlines.openCounts(e.id(), d.rule().code());
            pending += counts[0];
            rules.add(new RuleLine(d.rule(), d, counts[0], counts[1]));
        }
        return new EmergencyView(e, jurisdictions.nameOf(e.region().value()), rules, pending);
    }
}
