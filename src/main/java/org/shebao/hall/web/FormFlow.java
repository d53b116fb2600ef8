package org.shebao.hall.web;

import java.util.function.Supplier;
import org.shebao.common.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One error path for every form of the hall's pages: done → the notice and back to the page; refused → the page with errors. */
final class FormFlow {
    private FormFlow() {
    }

    static String after(MessageSource messages, Model model, RedirectAttributes redirect, String form, String notice,
                        String back, Supplier<?> action, Supplier<String> show) {
        if (FormErrors.attempt(model, messages, action).isPresent()) {
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + back;
        }
        model.addAttribute("form", form);
        return show.get();
    }
}
