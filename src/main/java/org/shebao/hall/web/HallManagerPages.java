package org.shebao.hall.web;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.web.FormErrors;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.HygieneLedger;
import org.shebao.hall.internal.Screenings;
import org.shebao.hall.internal.StaffHealth;
import org.shebao.hall.internal.Supplies;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The hall manager's page: today's slots, check-in at the door, walk-ins, fevers and open incidents, capacity. */
@Controller
@RequiredArgsConstructor
class HallManagerPages {
    private final Appointments appointments;
    private final Screenings screenings;
    private final HygieneLedger hygiene;
    private final Supplies supplies;
    private final StaffHealth health;
    private final MessageSource messages;
    private final java.time.Clock clock;

    @GetMapping("/hall")
    String first(@AuthenticationPrincipal ShebaoUser user) {
        List<Hall> halls = appointments.halls(user);
        if (halls.isEmpty()) {
            throw new AccessDeniedToRecordException("hall");
        }
        return "redirect:/hall/" + halls.get(0).id();
    }

    @GetMapping("/hall/{id}")
    String page(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        return show(user, id, model);
    }

    @PostMapping("/hall/{id}/check-in")
    String checkIn(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                   @RequestParam(required = false) String code, @RequestParam(required = false) String temperature,
                   Model model, RedirectAttributes redirect) {
        model.addAttribute("code", code); // what was typed, shown again after an error
        model.addAttribute("temperature", temperature);
        return after(user, id, model, redirect, "checkin",
                () -> screenings.checkIn(user, id, code, temperature));
    }

    @PostMapping("/hall/{id}/walk-in")
    String walkIn(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(required = false) String visitorName, @RequestParam(required = false) String service,
                  @RequestParam(required = false) String temperature, Model model, RedirectAttributes redirect) {
        model.addAttribute("visitorName", visitorName); // what was typed, shown again after an error
        model.addAttribute("service", service);
        model.addAttribute("temperature", temperature);
        return after(user, id, model, redirect, "walkin",
                () -> screenings.walkIn(user, id, visitorName, service, temperature));
    }

    @PostMapping("/hall/{id}/capacity")
    String capacity(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                    @RequestParam(required = false) String day, @RequestParam(required = false) String capacity,
                    Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> appointments.lowerCapacity(user, id, day, capacity)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.hall.capacity");
            return "redirect:/hall/" + id;
        }
        model.addAttribute("form", "capacity");
        model.addAttribute("day", day);
        model.addAttribute("capacity", capacity);
        return show(user, id, model);
    }

    private String after(ShebaoUser user, long id, Model model, RedirectAttributes redirect, String form,
                         java.util.function.Supplier<Screenings.Result> action) {
        var r = FormErrors.attempt(model, messages, action); // a full slot is a conflict, shown with its message
        if (r.isPresent()) {
            redirect.addFlashAttribute("notice", r.get().admitted() ? "notice.hall.admitted" : "notice.hall.fever");
            if (!r.get().admitted()) { // flash attributes live in the (JDBC) session: plain strings only
                redirect.addFlashAttribute("feverName", r.get().visitorName());
                redirect.addFlashAttribute("feverTemperature", r.get().temperature().toPlainString());
                redirect.addFlashAttribute("feverContact", r.get().healthContact());
            }
            return "redirect:/hall/" + id;
        }
        model.addAttribute("form", form);
        return show(user, id, model);
    }

    private String show(ShebaoUser user, long id, Model model) {
        Screenings.Board board = screenings.board(user, id);
        model.addAttribute("board", board);
        model.addAttribute("overdueChecks", hygiene.overdue(board.hall()));
        model.addAttribute("lowSupplies", supplies.stock(board.hall()).stream().filter(Supplies.StockLine::low).count());
        model.addAttribute("flaggedStaff", health.flaggedToday(board.hall()));
        model.addAttribute("services", Appointments.services());
        model.addAttribute("today", java.time.LocalDate.now(clock));
        return "hall/manager";
    }
}
