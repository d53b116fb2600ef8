package org.shebao.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Record-level errors on the screens: a Chinese page, the right status, no stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {
    private final MessageSource messages;

    PageErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        return page(404, response, model);
    }

    @ExceptionHandler(AccessDeniedToRecordException.class)
    String forbidden(HttpServletResponse response, Model model) {
        return page(403, response, model);
    }

    /** A conflict says what clashed, in the user's language (e.g. a bank file asked for before the run's approval). */
    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        model.addAttribute("detail", messages.getMessage(e.violation().code(), e.violation().args().toArray(), null,
                LocaleContextHolder.getLocale()));
        return page(409, response, model);
    }

    /** The same page Spring Boot's error controller renders ({@code templates/error.html}). */
    private static String page(int status, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
