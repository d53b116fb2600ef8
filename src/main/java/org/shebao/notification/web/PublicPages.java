package org.shebao.notification.web;

import lombok.RequiredArgsConstructor;
import org.shebao.notification.Notices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Public pages, no login (N-6): the notices a publicity clerk published, and answers to common questions. They carry
 * no personal data: a notice's title, text, region and day only.
 */
@Controller
@RequiredArgsConstructor
class PublicPages {
    /** The common questions, each a message pair {@code faq.N.q} / {@code faq.N.a}. */
    static final int FAQ_COUNT = 6;

    private final Notices notices;

    @GetMapping("/public")
    String index(Model model) {
        model.addAttribute("notices", notices.published().stream().limit(5).toList());
        return "notification/public";
    }

    @GetMapping("/public/notices")
    String list(Model model) {
        model.addAttribute("notices", notices.published());
        return "notification/public-notices";
    }

    @GetMapping("/public/notices/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("n", notices.publishedNotice(id));
        return "notification/public-notice";
    }

    @GetMapping("/public/faq")
    String faq(Model model) {
        model.addAttribute("faq", java.util.stream.IntStream.rangeClosed(1, FAQ_COUNT).boxed().toList());
        return "notification/faq";
    }
}
