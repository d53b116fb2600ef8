package org.shebao.contribution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.FormErrors;
import org.shebao.contribution.Payments;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 缴费与欠费 for the collection section (finance, clerks; auditors read): the worklists of the user's region
 * (arrears, underpaid bills, overpaid and unmatched payments) and the import of the collection channel's payment file
 * (every bad line listed, nothing booked unless all are good; a file imported before is refused).
 */
@Controller
@RequiredArgsConstructor
class CollectionPages {
    private final Payments payments;
    private final MessageSource messages;

    @GetMapping("/collection")
    String page(@AuthenticationPrincipal ShebaoUser user, @RequestParam(defaultValue = "ARREARS") String list,
                Model model) {
        Payments.Worklist w = Arrays.stream(Payments.Worklist.values()).filter(x -> x.name().equals(list)).findFirst()
                .orElseThrow(() -> new NotFoundException("worklist " + list));
        model.addAttribute("lists", Payments.Worklist.values());
        model.addAttribute("list", w);
        model.addAttribute("items", payments.worklist(user, w));
        return "contribution/collection";
    }

    @PostMapping("/collection/file")
    String importFile(@AuthenticationPrincipal ShebaoUser user,
                      @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String name = file == null ? null : file.getOriginalFilename();
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        Optional<Payments.Imported> done = FormErrors.attempt(model, messages,
                () -> payments.importFile(user, name, bytes));
        if (done.isPresent()) {
            redirect.addFlashAttribute("importedLines", done.get().lines());
            redirect.addFlashAttribute("importedTotal", done.get().total().amount().toPlainString());
            return "redirect:/collection";
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("fileName", name == null || name.isBlank() ? "-" : name);
        return page(user, "ARREARS", model);
    }
}
