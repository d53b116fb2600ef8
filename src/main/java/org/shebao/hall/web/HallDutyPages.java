package org.shebao.hall.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.DutyRoster;
import org.shebao.hall.internal.EscalationRule;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.IncidentKind;
import org.shebao.hall.internal.IncidentLevel;
import org.shebao.hall.internal.Incidents;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Duty and incidents (issue 14, item 5; N-7, FJ-7): the hall manager's duty roster ({@code /hall/{id}/duty}), a
 * leader's own days on duty and patrol log ({@code /duty}), the incidents of the user's region ({@code /incidents},
 * a province: all its cities') and one incident with its history and the acknowledgement ({@code /incidents/{id}}).
 */
@Controller
@RequiredArgsConstructor
class HallDutyPages {
    private final Appointments appointments;
    private final DutyRoster roster;
    private final Incidents incidents;
    private final Users users;
    private final MessageSource messages;
    private final Clock clock;

    // ---- the roster ----

    @GetMapping("/hall/{id}/duty")
    String roster(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Hall hall = appointments.managed(user, id);
        model.addAttribute("hall", hall);
        model.addAttribute("days", roster.roster(user, id));
        Map<String, String> staff = new LinkedHashMap<>();
        users.staffOf(hall.regionCode()).forEach(u -> staff.put(u.username(), u.displayName()));
        model.addAttribute("staff", staff);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("clauses", DutyRoster.CLAUSES);
        return "hall/duty";
    }

    @PostMapping("/hall/{id}/duty")
    String assign(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(required = false) String day, @RequestParam(required = false) String leader,
                  Model model, RedirectAttributes redirect) {
        model.addAttribute("day", day);
        model.addAttribute("leader", leader);
        return FormFlow.after(messages, model, redirect, "duty", "notice.hall.duty.assigned", "/hall/" + id + "/duty",
                () -> roster.assign(user, id, day, leader), () -> roster(user, id, model));
    }

    @GetMapping("/duty")
    String mine(@AuthenticationPrincipal ShebaoUser user, Model model) {
        List<DutyRoster.Day> days = roster.mine(user);
        model.addAttribute("days", days);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("now", LocalTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
        model.addAttribute("onDutyToday", days.stream().anyMatch(d -> d.day().equals(LocalDate.now(clock))));
        model.addAttribute("clauses", DutyRoster.CLAUSES);
        return "hall/my-duty";
    }

    @PostMapping("/duty/patrols")
    String patrol(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String day,
                  @RequestParam(required = false) String time, @RequestParam(required = false) String place,
                  @RequestParam(required = false) String findings, Model model, RedirectAttributes redirect) {
        model.addAttribute("patrol", Map.of("day", day == null ? "" : day, "time", time == null ? "" : time,
                "place", place == null ? "" : place, "findings", findings == null ? "" : findings));
        return FormFlow.after(messages, model, redirect, "patrol", "notice.hall.patrol.logged", "/duty",
                () -> roster.logPatrol(user, day, time, place, findings), () -> mine(user, model));
    }

    // ---- incidents ----

    @GetMapping("/incidents")
    String incidents(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("incidents", incidents.list(user));
        List<Hall> ownHalls = appointments.halls(user).stream()
                .filter(h -> incidents.levelOf(user, h.regionCode(), LocalDate.now(clock)) == IncidentLevel.CITY).toList();
        model.addAttribute("ownHalls", ownHalls);
        model.addAttribute("kinds", List.of(IncidentKind.values()));
        model.addAttribute("clauses", EscalationRule.CLAUSES);
        return "hall/incidents";
    }

    @PostMapping("/incidents")
    String open(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) Long hall,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String description,
                Model model, RedirectAttributes redirect) {
        model.addAttribute("kind", kind);
        model.addAttribute("description", description);
        long hallId = hall == null ? appointments.halls(user).stream().findFirst().map(Hall::id).orElse(0L) : hall;
        return FormFlow.after(messages, model, redirect, "incident", "notice.hall.incident.opened", "/incidents",
                () -> incidents.open(user, hallId, kind, description), () -> incidents(user, model));
    }

    @GetMapping("/incidents/{id}")
    String incident(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("detail", incidents.detail(user, id));
        model.addAttribute("clauses", EscalationRule.CLAUSES);
        return "hall/incident";
    }

    @PostMapping("/incidents/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                       @RequestParam(defaultValue = "false") boolean reportFurther,
                       @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        model.addAttribute("note", note);
        return FormFlow.after(messages, model, redirect, "acknowledge", "notice.hall.incident.acknowledged",
                "/incidents/" + id, () -> incidents.acknowledge(user, id, reportFurther, note),
                () -> incident(user, id, model));
    }

    @PostMapping("/incidents/{id}/close")
    String close(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                 @RequestParam(required = false) String resolution, Model model, RedirectAttributes redirect) {
        model.addAttribute("resolution", resolution);
        return FormFlow.after(messages, model, redirect, "close", "notice.hall.incident.closed",
                "/incidents/" + id, () -> incidents.close(user, id, resolution), () -> incident(user, id, model));
    }
}
