package org.shebao.hall.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.Booking;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.QrCodes;
import org.shebao.hall.internal.SlotFullException;
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

/** The portal's hall appointments: book a slot, the printable confirmation with its QR code, cancel. */
@Controller
@RequiredArgsConstructor
class HallPortalPages {
    private final Appointments appointments;
    private final MessageSource messages;
    private final java.time.Clock clock;

    @GetMapping("/portal/hall")
    String list(@AuthenticationPrincipal ShebaoUser user, Model model) {
        return show(user, null, null, null, null, model);
    }

    @PostMapping("/portal/hall/bookings")
    String book(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) Long hallId,
                @RequestParam(required = false) String day, @RequestParam(required = false) String time,
                @RequestParam(required = false) String service, Model model, RedirectAttributes redirect) {
        Optional<Booking> b = FormErrors.attempt(model, messages, () -> {
            try {
                return appointments.book(user, hallId, day, time, service);
            } catch (SlotFullException e) {
                model.addAttribute("alternatives", e.alternatives()); // offered as buttons beside the message
                throw e;
            }
        });
        if (b.isPresent()) {
            redirect.addFlashAttribute("notice", "notice.hall.booked");
            return "redirect:/portal/hall/bookings/" + b.get().id();
        }
        return show(user, hallId, day, time, service, model);
    }

    @GetMapping("/portal/hall/bookings/{id}")
    String confirmation(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        Booking b = appointments.mine(user, id);
        model.addAttribute("booking", b);
        model.addAttribute("qr", QrCodes.dataUri(b.code()));
        model.addAttribute("hall", appointments.hall(b.hallId()));
        return "hall/confirmation";
    }

    @PostMapping("/portal/hall/bookings/{id}/cancel")
    String cancel(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model,
                  RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> appointments.cancel(user, id)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.hall.cancelled");
            return "redirect:/portal/hall";
        }
        return show(user, null, null, null, null, model);
    }

    private String show(ShebaoUser user, Long hallId, String day, String time, String service, Model model) {
        var halls = appointments.halls(user);
        Hall first = halls.isEmpty() ? null : halls.get(0);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("halls", halls.stream().collect(java.util.stream.Collectors.toMap(
                h -> String.valueOf(h.id()), h -> h.displayName(org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("hallId", hallId != null ? hallId : first == null ? null : first.id());
        model.addAttribute("day", day != null ? day : today.plusDays(1).toString());
        model.addAttribute("time", time);
        model.addAttribute("service", service);
        model.addAttribute("times", first == null ? java.util.List.of()
                : appointments.hours(first, today).slotStarts().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.toMap(t -> t, t -> t, (a, b) -> a, java.util.LinkedHashMap::new)));
        model.addAttribute("services", Appointments.services());
        model.addAttribute("hours", first == null ? null : appointments.hours(first, today));
        model.addAttribute("bookings", appointments.mine(user));
        model.addAttribute("now", LocalDateTime.now(clock));
        return "hall/portal";
    }
}
