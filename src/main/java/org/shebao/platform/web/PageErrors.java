package org.shebao.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Record-level errors on the screens: a Chinese page, the right status, no stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(AccessDeniedToRecordException.class)
    String forbidden(HttpServletResponse response) {
        response.setStatus(403);
        return "error/403";
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(HttpServletResponse response) {
        response.setStatus(409);
        return "error/409";
    }
}
