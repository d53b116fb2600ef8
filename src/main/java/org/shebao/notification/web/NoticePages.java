package org.shebao.notification.web;

import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.web.FormErrors;
import org.shebao.identity.ShebaoUser;
import org.shebao.notification.Notices;
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
 * The publicity clerk's screens (N-6, FJ-7): the region's notices and a new one (audience rule, channels), the count
 * per channel before sending, the send button (once), and the printable letter file.
 */
@Controller
@RequiredArgsConstructor
class NoticePages {
    private final Notices notices;
    private final MessageSource messages;

    @GetMapping("/publicity")
    String list(@AuthenticationPrincipal ShebaoUser user, Model model) {
        model.addAttribute("draft", new Notices.Draft("", "", "", List.of(), false));
        return form(user, model);
    }

    @PostMapping("/publicity/notices")
    String create(@AuthenticationPrincipal ShebaoUser user, @RequestParam(required = false) String title,
                  @RequestParam(required = false) String body, @RequestParam(required = false) String audience,
                  @RequestParam(required = false) List<String> channels,
                  @RequestParam(required = false, defaultValue = "false") boolean published, Model model) {
        Notices.Draft d = new Notices.Draft(title, body, audience, channels == null ? List.of() : channels, published);
        Optional<Notices.Notice> done = FormErrors.attempt(model, messages, () -> notices.draft(user, d));
        if (done.isPresent()) {
            return "redirect:/publicity/notices/" + done.get().id();
        }
        model.addAttribute("draft", d); // what was typed, shown again with the errors
        return form(user, model);
    }

    private String form(ShebaoUser user, Model model) {
        model.addAttribute("notices", notices.list(user));
        model.addAttribute("rules", notices.rules(user.region()));
        model.addAttribute("ruleCodes", notices.rules(user.region()).stream().map(Notices.Rule::code).toList());
        model.addAttribute("channels", notices.channels(user.region()).stream().map(Enum::name).toList());
        return "notification/notices";
    }

    @GetMapping("/publicity/notices/{id}")
    String show(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("p", notices.preview(user, id));
        return "notification/notice";
    }

    @PostMapping("/publicity/notices/{id}/send")
    String send(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, @RequestParam int expected,
                Model model, RedirectAttributes redirect) {
        if (FormErrors.attempt(model, messages, () -> notices.send(user, id, expected)).isPresent()) {
            redirect.addFlashAttribute("notice", "notice.notice.sent");
            return "redirect:/publicity/notices/" + id;
        }
        return show(user, id, model);
    }

    @GetMapping("/publicity/notices/{id}/letters")
    String letters(@AuthenticationPrincipal ShebaoUser user, @PathVariable long id, Model model) {
        model.addAttribute("p", notices.preview(user, id));
        model.addAttribute("letters", notices.letters(user, id));
        return "notification/letters";
    }
}
