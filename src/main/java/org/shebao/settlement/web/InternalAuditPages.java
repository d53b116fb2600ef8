package org.shebao.settlement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.shebao.common.Xlsx;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserNames;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Measures;
import org.shebao.settlement.AuditSample;
import org.shebao.settlement.Finding;
import org.shebao.settlement.InternalAudit;
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

/**
 * Internal audit (稽核内审, issue 15, item 2; N-1e, FJ-1.7) for auditors: draw a sample of the flagged cases or
 * payments of a measure, review each sampled item, the report per region with the error rate and amounts, and both to
 * Excel. Nothing here writes to the cases or payments sampled.
 */
@Controller
@RequestMapping("/settlement/audit")
class InternalAuditPages {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final InternalAudit audit;
    private final Jurisdictions jurisdictions;
    private final Measures measures;
    private final MessageSource messages;
    private final UserNames names;

    InternalAuditPages(InternalAudit audit, Jurisdictions jurisdictions, Measures measures, MessageSource messages,
               UserNames names) {
        this.audit = audit;
        this.jurisdictions = jurisdictions;
        this.measures = measures;
        this.messages = messages;
        this.names = names;
    }

    @GetMapping
    String home(@AuthenticationPrincipal ShebaoUser user, Model model) {
        Map<String, List<String>> byPopulation = audit.measures(user);
        model.addAttribute("populations", audit.populations());
        model.addAttribute("measuresByPopulation", byPopulation);
        Map<String, String> measureNames = new LinkedHashMap<>();
        byPopulation.values().forEach(l -> l.forEach(m -> measureNames.put(m, measureName(m))));
        audit.samples(user).forEach(s -> measureNames.put(s.measure(), measureName(s.measure())));
        audit.report(user).forEach(r -> measureNames.put(r.measure(), measureName(r.measure())));
        model.addAttribute("measureNames", measureNames);
        model.addAttribute("samples", audit.samples(user));
        model.addAttribute("report", audit.report(user));
        model.addAttribute("canDraw", user.has(org.shebao.identity.Role.AUDITOR));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new InternalAudit.Request("", "", "", "", ""));
        }
        return "settlement/audit";
    }

    @PostMapping("/samples")
    String draw(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String population,
                @RequestParam(required = false) String measure, @RequestParam(required = false) String size,
                @RequestParam(required = false) String share, @RequestParam(required = false) String seed,
                Model model, HttpServletResponse response) {
        InternalAudit.Request r = new InternalAudit.Request(population, measure, size, share, seed);
        var drawn = FormErrors.attempt(model, messages, () -> audit.draw(user, r));
        if (drawn.isPresent()) {
            return "redirect:/settlement/audit/samples/" + drawn.get().id();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("form", r);
        return home(user, model);
    }

    @GetMapping("/samples/{id}")
    String sample(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        AuditSample s = audit.sample(user, id);
        model.addAttribute("sample", s);
        model.addAttribute("measureName", measureName(s.measure()));
        model.addAttribute("items", audit.items(user, id));
        model.addAttribute("findings", Finding.values());
        model.addAttribute("canReview", user.has(org.shebao.identity.Role.AUDITOR));
        return "settlement/audit-sample";
    }

    @PostMapping("/items/{id}/review")
    String review(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id,
                  @RequestParam(defaultValue = "0") long sample, @RequestParam(required = false) String finding,
                  @RequestParam(required = false) String errorAmount, @RequestParam(required = false) String note,
                  Model model, HttpServletResponse response) {
        var done = FormErrors.attempt(model, messages, () -> audit.review(user, id, finding, errorAmount, note));
        if (done.isPresent()) {
            return "redirect:/settlement/audit/samples/" + done.get().sampleId();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return sample == 0 ? home(user, model) : sample(user, sample, model);
    }

    @GetMapping("/items.xlsx")
    void exportItems(@AuthenticationPrincipal ShebaoUser user, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        start(response, message("internalAudit.file.items", locale));
        List<String> header = Stream.of("sample", "drawnAt", "population", "measure", "seed", "position", "region",
                "case", "label", "clauses", "amount", "finding", "errorAmount", "note", "reviewedBy", "reviewedAt")
                .map(c -> message("internalAudit.col." + c, locale)).toList();
        String sheet = message("internalAudit.sheet.items", locale);
        Xlsx.write(response.getOutputStream(), sheet, header, sink -> audit.each(user, e -> {
                AuditSample s = e.getKey();
                var i = e.getValue();
                List<Object> row = new ArrayList<>();
                row.add(s.id());
                row.add(s.drawnAt().format(MINUTE));
                row.add(message("internalAudit.population." + s.population(), locale));
                row.add(measureName(s.measure()));
                row.add(String.valueOf(s.seed()));
                row.add(i.position());
                row.add(jurisdictions.nameOf(i.itemRegion()));
                row.add(i.caseRef());
                row.add(i.label());
                row.add(String.join("、", i.clauses()));
                row.add(i.amount());
                row.add(i.finding() == null ? message("internalAudit.notReviewed", locale)
                        : message("internalAudit.finding." + i.finding().name(), locale));
                row.add(i.errorAmount());
                row.add(i.note());
                row.add(i.reviewedBy() == null ? null : names.of(i.reviewedBy()));
                row.add(i.reviewedAt() == null ? null : i.reviewedAt().format(MINUTE));
                sink.accept(row);
            }));
    }

    @GetMapping("/report.xlsx")
    void exportReport(@AuthenticationPrincipal ShebaoUser user, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        start(response, message("internalAudit.file.report", locale));
        List<String> header = Stream.of("region", "population", "measure", "sampled", "reviewed", "errors", "errorRate",
                "sampledAmount", "errorAmount").map(c -> message("internalAudit.col." + c, locale)).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (InternalAudit.ReportLine r : audit.report(user)) {
            List<Object> row = new ArrayList<>();
            row.add(jurisdictions.nameOf(r.regionCode()));
            row.add(message("internalAudit.population." + r.population(), locale));
            row.add(measureName(r.measure()));
            row.add(r.sampled());
            row.add(r.reviewed());
            row.add(r.errors());
            row.add(r.errorRate() == null ? null : r.errorRate() + "%");
            row.add(r.sampledAmount());
            row.add(r.errorAmount());
            rows.add(row);
        }
        Xlsx.write(response.getOutputStream(), message("internalAudit.sheet.report", locale), header, rows);
    }

    private void start(HttpServletResponse response, String file) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(file, StandardCharsets.UTF_8).build().toString());
    }

    /** A measure (flag code) as users read it: the catalog's name, or the flag's message. */
    String measureName(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return measures.flagLabels(code).stream().findFirst()
                .filter(f -> f.name() != null)
                .map(f -> "en".equals(locale.getLanguage()) ? f.nameEn() : f.name())
                .orElseGet(() -> messages.getMessage("flag." + code, null,
                        message("internalAudit.measure.other", locale), locale));
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
