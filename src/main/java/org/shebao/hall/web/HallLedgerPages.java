package org.shebao.hall.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.shebao.common.RegionCode;
import org.shebao.hall.internal.Hall;
import org.shebao.hall.internal.Appointments;
import org.shebao.hall.internal.HygieneLedger;
import org.shebao.hall.internal.HygieneRule;
import org.shebao.hall.internal.StaffHealthRule;
import org.shebao.hall.internal.SupplyRule;
import org.shebao.hall.internal.StaffHealth;
import org.shebao.hall.internal.Supplies;
import org.shebao.hall.internal.SupplyItem;
import org.shebao.hall.internal.Symptom;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
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
 * The hall's ledgers (issue 14, items 3 and 4): the hygiene ledger and protective supplies ({@code /hall/{id}/ledger}),
 * the staff health ledger ({@code /hall/{id}/health}) for the hall manager, and a staff member's own daily health
 * report ({@code /staff-health}).
 */
@Controller
@RequiredArgsConstructor
class HallLedgerPages {
    private final Appointments appointments;
    private final HygieneLedger hygiene;
    private final Supplies supplies;
    private final StaffHealth health;
    private final Users users;
    private final MessageSource messages;
    private final Clock clock;
    private final Measures measures;

    // ---- hygiene and supplies ----

    @GetMapping("/hall/{id}/ledger")
    String ledger(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("today", LocalDate.now(clock));
        Hall hall = appointments.managed(user, id);
        model.addAttribute("hall", hall);
        model.addAttribute("checks", hygiene.today(user, id));
        model.addAttribute("stock", supplies.stock(user, id));
        model.addAttribute("movements", supplies.movements(user, id));
        model.addAttribute("items", List.of(SupplyItem.values()));
        model.addAttribute("hygieneClauses", clauses(hall, HygieneRule.CLAUSES));
        model.addAttribute("supplyClauses", clauses(hall, SupplyRule.CLAUSES));
        return "hall/ledger";
    }

    @PostMapping("/hall/{id}/hygiene-checks")
    String check(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                 @RequestParam(required = false) String check, @RequestParam(required = false) String dueAt,
                 @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        return after(model, redirect, "check", "notice.hall.hygiene.done", "/hall/" + id + "/ledger",
                () -> hygiene.record(user, id, check, dueAt, note), () -> ledger(user, id, model));
    }

    @PostMapping("/hall/{id}/supplies")
    String supply(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(required = false) String direction, @RequestParam(required = false) String item,
                  @RequestParam(required = false) String quantity, @RequestParam(required = false) String party,
                  @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        boolean receipt = "RECEIPT".equals(direction);
        model.addAttribute("supplyForm", Map.of("item", item == null ? "" : item, "quantity", quantity == null ? "" : quantity,
                "party", party == null ? "" : party));
        return after(model, redirect, receipt ? "receipt" : "issue",
                receipt ? "notice.hall.supply.received" : "notice.hall.supply.issued", "/hall/" + id + "/ledger",
                () -> supplies.move(user, id, direction, item, quantity, party, note),
                () -> ledger(user, id, model));
    }

    // ---- staff health ----

    @GetMapping("/hall/{id}/health")
    String healthLedger(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        StaffHealth.Ledger ledger = health.ledger(user, id);
        model.addAttribute("ledger", ledger);
        Map<String, String> staff = new LinkedHashMap<>();
        users.staffOf(ledger.hall().regionCode()).forEach(u -> staff.put(u.username(), u.displayName()));
        model.addAttribute("staff", staff);
        model.addAttribute("symptoms", List.of(Symptom.values()));
        model.addAttribute("clauses", StaffHealthRule.CLAUSES);
        return "hall/health";
    }

    @PostMapping("/hall/{id}/health")
    String enter(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                 @RequestParam(required = false) String staff, @RequestParam(required = false) String temperature,
                 @RequestParam(required = false) List<String> symptoms,
                 @RequestParam(defaultValue = "false") boolean absent, @RequestParam(required = false) String note,
                 Model model, RedirectAttributes redirect) {
        return after(model, redirect, "health", "notice.hall.health.recorded", "/hall/" + id + "/health",
                () -> health.enter(user, id, staff, temperature, symptoms, absent, note),
                () -> healthLedger(user, id, model));
    }

    @GetMapping("/staff-health")
    String mine(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("hall", health.hallOf(user));
        model.addAttribute("reports", health.mine(user));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("symptoms", List.of(Symptom.values()));
        model.addAttribute("clauses", StaffHealthRule.CLAUSES);
        return "hall/my-health";
    }

    @PostMapping("/staff-health")
    String selfReport(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String temperature,
                      @RequestParam(required = false) List<String> symptoms,
                      @RequestParam(defaultValue = "false") boolean absent, @RequestParam(required = false) String note,
                      Model model, RedirectAttributes redirect) {
        return after(model, redirect, "health", "notice.hall.health.reported", "/staff-health",
                () -> health.selfReport(user, temperature, symptoms, absent, note), () -> mine(user, model));
    }

    /** The clauses of the hygiene measure in force for the hall's city (Fuzhou: N-2 FJ-2), else the rule's own. */
    private List<String> clauses(Hall hall, List<String> rule) {
        MeasureStatus status = measures.status("HALL_HYGIENE_LEDGER", new RegionCode(hall.regionCode()),
                LocalDate.now(clock));
        return status.inForce() ? status.clauses() : rule;
    }

    private String after(Model model, RedirectAttributes redirect, String form, String notice, String back,
                         Supplier<?> action, Supplier<String> show) {
        return FormFlow.after(messages, model, redirect, form, notice, back, action, show);
    }
}
