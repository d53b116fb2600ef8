package org.shebao.settlement.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.shebao.common.Xlsx;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserNames;
import org.shebao.policy.Jurisdictions;
import org.shebao.settlement.Decision;
import org.shebao.settlement.Worklists;
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
 * The settlement worklists after an emergency (issue 15, item 1): progress per region and kind, the items (open or
 * all, of one kind), a decision per item, and every item to Excel.
 */
@Controller
@RequestMapping("/settlement")
class SettlementPages {
    static final int SHOWN = 200;
    private final Worklists worklists;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;
    private final UserNames names;

    SettlementPages(Worklists worklists, Jurisdictions jurisdictions, MessageSource messages, UserNames names) {
        this.worklists = worklists;
        this.jurisdictions = jurisdictions;
        this.messages = messages;
        this.names = names;
    }

    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String kind,
                @RequestParam(defaultValue = "false") boolean all, Model model) {
        String k = kind == null || kind.isBlank() || !worklists.kinds().contains(kind) ? null : kind;
        model.addAttribute("progress", worklists.progress(user));
        model.addAttribute("items", worklists.items(user, k, !all, SHOWN));
        model.addAttribute("kinds", worklists.kinds());
        model.addAttribute("kindClauses", worklists.kinds().stream()
                .collect(java.util.stream.Collectors.toMap(x -> x, worklists::clauses)));
        model.addAttribute("kind", k);
        model.addAttribute("all", all);
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("shown", SHOWN);
        return "settlement/list";
    }

    @PostMapping("/items/{id}/decision")
    String decide(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        if (FormErrors.attempt(model, messages, () -> worklists.decide(user, id, decision, note)).isPresent()) {
            return "redirect:/settlement";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return list(user, null, false, model);
    }

    @GetMapping("/items.xlsx")
    void export(@AuthenticationPrincipal ShebaoUser user, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(message("settlement.file", locale), StandardCharsets.UTF_8).build().toString());
        List<String> header = Stream.of("region", "kind", "clauses", "case", "label", "amount", "decision", "decidedBy",
                "decidedAt", "note").map(c -> message("settlement.col." + c, locale)).toList();
        Xlsx.write(response.getOutputStream(), message("settlement.sheet", locale), header, sink -> worklists.each(user,
                i -> {
                    List<Object> row = new ArrayList<>();
                    row.add(jurisdictions.nameOf(i.regionCode()));
                    row.add(message("settlement.kind." + i.kind(), locale));
                    row.add(String.join("、", i.clauses()));
                    row.add(i.caseRef());
                    row.add(i.label());
                    row.add(i.amount());
                    row.add(i.decision() == null ? message("settlement.open", locale)
                            : message("settlement.decision." + i.decision().name(), locale));
                    row.add(i.decidedBy() == null ? null : names.of(i.decidedBy()));
                    row.add(i.decidedAt() == null ? null : i.decidedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
                    row.add(i.note());
                    sink.accept(row);
                }));
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
