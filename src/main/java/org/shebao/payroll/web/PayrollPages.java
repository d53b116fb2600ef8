package org.shebao.payroll.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.shebao.common.InvalidInputException;
import org.shebao.common.Xlsx;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.payroll.PayrollWorkers;
import org.shebao.common.RegionCode;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shebao.payroll.PayrollExports;
import org.shebao.payroll.PayrollApproval;
import org.shebao.payroll.BankReturns;
import org.shebao.identity.Role;
import org.shebao.policy.Measures;

/** Finance's payroll screens: start a month, watch its progress, read the totals by flag, download the files. */
@Controller
@RequestMapping("/payroll")
class PayrollPages {
    private final Payroll payroll;
    private final PayrollExports exports;
    private final Jurisdictions jurisdictions;
    private final PayrollWorkers workers;
    private final MessageSource messages;

    private final Measures measures;
    private final PayrollApproval approval;
    private final BankReturns returns;

    PayrollPages(Payroll payroll, PayrollExports exports, Jurisdictions jurisdictions,
                 PayrollWorkers workers, MessageSource messages, Measures measures, PayrollApproval approval,
                 BankReturns returns) {
        this.returns = returns;
        this.measures = measures;
        this.approval = approval;
        this.payroll = payroll;
        this.exports = exports;
        this.jurisdictions = jurisdictions;
        this.workers = workers;
        this.messages = messages;
    }

    @GetMapping
    String runs(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String region,
                @RequestParam(defaultValue = "false") boolean awaiting,
                @RequestParam(defaultValue = "false") boolean thisMonth, Model model) {
        model.addAttribute("runs", awaiting ? payroll.awaitingApproval(user)
                : thisMonth ? payroll.thisMonth(user) : payroll.runs(user));
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("thisMonth", thisMonth && !awaiting);
        List<Jurisdiction> served = jurisdictions.servedWithin(user.region());
        model.addAttribute("regions", served);
        // regions by name (a region code is no name for people)
        Map<String, String> names = new HashMap<>();
        served.forEach(j -> names.put(j.code().value(), j.displayName(LocaleContextHolder.getLocale())));
        model.addAttribute("regionNames", names);
        // issue 17 item 6: the month suggested for the region chosen (the first one served unless one was chosen)
        String chosen = region != null && names.containsKey(region) ? region
                : model.containsAttribute("region") ? (String) model.getAttribute("region")
                : served.stream().findFirst().map(j -> j.code().value()).orElse(null);
        if (chosen != null && user.has(Role.FINANCE, Role.ADMIN)) {
            Payroll.MonthCheck check = payroll.check(user, new RegionCode(chosen), null);
            model.addAttribute("suggestion", check);
            Map<String, Long> counts = new HashMap<>();
            payroll.orderCounts(new RegionCode(chosen)).forEach((st, n) -> counts.put(st.name(), n));
            model.addAttribute("orderCounts", counts);
            model.addAttribute("suggestionRegion", names.get(chosen));
            model.addAttribute("region", chosen);
            if (!model.containsAttribute("month")) {
                model.addAttribute("month", check.suggested().toString());
            }
            YearMonth chosenMonth;
            try {
                chosenMonth = YearMonth.parse(String.valueOf(model.getAttribute("month")));
            } catch (DateTimeParseException e) {
                chosenMonth = null; // a month typed wrong into the address: the list without it, the error says why
            }
            // the list grouped by year, newest first
            Map<Integer, List<YearMonth>> byYear = new java.util.LinkedHashMap<>();
            Payroll.monthChoices(check.current(), chosenMonth)
                    .forEach(m -> byYear.computeIfAbsent(m.getYear(), y -> new ArrayList<>()).add(m));
            model.addAttribute("monthChoices", byYear);
        }
        return "payroll/runs";
    }

    /**
     * Starts (or resumes) a region's run of a month. A month in the past, after next month, or not the month after
     * the last completed run asks for confirmation first, saying why (issue 17 item 6); {@code confirmed} is the
     * answer.
     */
    @PostMapping("/runs")
    String start(@AuthenticationPrincipal ShebaoUser user, @RequestParam String region, @RequestParam String month,
                 @RequestParam(defaultValue = "false") boolean confirmed, Model model) {
        Optional<Payroll.MonthCheck> checked = FormErrors.attempt(model, messages, () -> {
            RegionCode code = jurisdictions.requireServed(region, "region").code();
            return payroll.check(user, code, month(month));
        });
        Optional<PayrollRun> opened = Optional.empty();
        if (checked.isPresent() && (confirmed || !checked.get().confirmationNeeded())) {
            opened = FormErrors.attempt(model, messages, () ->
                    payroll.open(user, jurisdictions.requireServed(region, "region").code(), month(month)));
        } else if (checked.isPresent()) {
            model.addAttribute("confirm", checked.get());
            model.addAttribute("confirmMonth", month(month).toString());
        }
        if (opened.isPresent()) {
            long id = opened.get().id();
            workers.work(id); // this node starts; the other nodes join at their next look
            return "redirect:/payroll/runs/" + id;
        }
        model.addAttribute("region", region);
        model.addAttribute("month", month);
        return runs(user, region, false, false, model);
    }

    private static YearMonth month(String raw) {
        try {
            return YearMonth.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of("month", "error.format");
        }
    }

    @GetMapping("/runs/{id}")
    String run(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        PayrollRun run = payroll.run(user, id);
        model.addAttribute("run", run);
        model.addAttribute("chunks", payroll.chunks(id));
        model.addAttribute("regionName", jurisdictions.nameOf(run.regionCode()));
        if (run.completed()) {
            // the checker's review (issue 15, item 3): totals, changes from last month, new and stopped recipients
            PayrollApproval.Review review = approval.review(user, id);
            model.addAttribute("review", review);
            model.addAttribute("totals", review.totals());
            boolean maker = run.startedBy().equals(user.getUsername());
            model.addAttribute("maker", maker);
            model.addAttribute("canApprove", !maker && user.has(Role.FINANCE));
            approval.released(id).ifPresent(r -> model.addAttribute("released", r));
        }
        if (run.approved()) {
            // issue 15, items 4 and 7: each bank's file in its layout, the return, the reconciliation, the failures
            model.addAttribute("bankFiles", approval.bankFiles(user, id));
            model.addAttribute("reconciliation", returns.reconciliation(user, id));
            model.addAttribute("failed", returns.failed(user, id));
            model.addAttribute("canImport", user.has(Role.FINANCE));
        }
        return "payroll/run";
    }

    /** The checker approves the run (not its maker); refused: the run's page again with the reason, 409. */
    @PostMapping("/runs/{id}/approve")
    String approve(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model,
                   HttpServletResponse response) {
        if (FormErrors.attempt(model, messages, () -> approval.approve(user, id)).isPresent()) {
            return "redirect:/payroll/runs/" + id;
        }
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return run(user, id, model);
    }

    @GetMapping("/runs/{id}/progress")
    String progress(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model,
                    HttpServletResponse response) {
        PayrollRun run = payroll.run(user, id);
        model.addAttribute("run", run);
        model.addAttribute("chunks", payroll.chunks(id));
        if (run.completed()) {
            response.setHeader("HX-Refresh", "true"); // show the totals
        }
        return "payroll/run :: progress";
    }

    @GetMapping("/runs/{id}/bank-file")
    void bankFile(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        // nothing leaves for the bank unapproved: 409 with the reason, nothing written
        bankFile(approval, user, id, response);
    }

    @GetMapping("/runs/{id}/register.xlsx")
    void register(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        PayrollRun run = payroll.run(user, id);
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(messages.getMessage("payroll.register.file", new Object[] {run.regionCode(), run.month().toString()},
                        locale), StandardCharsets.UTF_8).build().toString());
        List<String> header = Stream.of("order", "person", "name", "account", "kind", "amount", "flags")
                .map(k -> messages.getMessage("payroll.register." + k, null, locale)).toList();
        // people read the register: kinds and flags by their names, the clauses behind a flag in brackets
        // streamed from the database to the download, line by line
        Xlsx.write(response.getOutputStream(), messages.getMessage("payroll.register.sheet", null, locale), header,
                sink -> exports.register(id, r -> {
                    List<Object> out = new ArrayList<>(r);
                    out.set(4, messages.getMessage("payroll.kind." + r.get(4), null, String.valueOf(r.get(4)), locale));
                    out.set(6, flagText((String) r.get(6), locale));
                    sink.accept(out);
                }));
    }

    /** The bank file of an approved run as a download (the screens and the API). */
    static void bankFile(PayrollApproval approval, ShebaoUser user, long id, HttpServletResponse response)
            throws IOException {
        PayrollRun run = approval.releasable(user, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename("bank-" + run.regionCode() + "-" + run.month() + ".csv").build().toString());
        approval.release(user, id, response.getOutputStream());
    }

    private String flagText(String flags, Locale locale) {
        return measures.flagLabels(flags).stream().map(f -> (f.name() == null
                        ? messages.getMessage("flag." + f.code(), null, f.code(), locale)
                        : "en".equals(locale.getLanguage()) ? f.nameEn() : f.name())
                        + (f.clauses().isEmpty() ? "" : "（" + String.join("、", f.clauses()) + "）"))
                .collect(Collectors.joining("；"));
    }
}
