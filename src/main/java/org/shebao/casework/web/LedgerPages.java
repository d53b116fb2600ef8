package org.shebao.casework.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseQueries;
import org.shebao.casework.Commitment;
import org.shebao.casework.DeferredMaterials;
import org.shebao.casework.Upload;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.nio.charset.StandardCharsets;

/** The deferred-materials ledger (网上申报业务台帐, SX-3): list, filter, export to Excel, record arrivals. */
@Controller
@RequestMapping("/casework/ledger")
@RequiredArgsConstructor
class LedgerPages {
    private final DeferredMaterials ledger;
    private final CaseQueries queries;
    private final MessageSource messages;

    @GetMapping
    String list(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "OPEN") String state,
                @RequestParam(required = false) String type, Model model) {
        List<Commitment> rows = ledger.ledger(user, state, type);
        model.addAttribute("rows", rows);
        model.addAttribute("state", state);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("types", queries.types());
        model.addAttribute("today", ledger.today());
        model.addAttribute("overdue", rows.stream().filter(c -> "OVERDUE".equals(c.state(ledger.today()))).count());
        return "casework/ledger";
    }

    @GetMapping("/export")
    void export(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "OPEN") String state,
                @RequestParam(required = false) String type, HttpServletResponse response) throws IOException {
        List<Commitment> rows = ledger.ledger(user, state, type);
        Locale locale = LocaleContextHolder.getLocale();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(messages.getMessage("ledger.file", new Object[] {ledger.today().toString()}, locale),
                        StandardCharsets.UTF_8).build().toString());
        ledger.export(rows, response.getOutputStream(), locale, key -> messages.getMessage(key, null, key, locale));
    }

    @PostMapping("/{id}/arrival")
    String arrival(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam String via,
                   @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "OPEN") String state,
                   Model model, RedirectAttributes redirect) {
        Upload u = file == null || file.isEmpty() ? null : CaseForms.upload("arrival", file);
        if (FormErrors.attempt(model, messages, () -> ledger.recordArrival(user, id, via, u)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.ledger.arrived");
            return "redirect:/casework/ledger?state=" + state;
        }
        // the row whose arrival was refused shows its messages and the way chosen
        model.addAttribute("arrivalId", id);
        model.addAttribute("via", via);
        return list(user, state, null, model);
    }
}
