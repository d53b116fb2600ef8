package org.shebao.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.shebao.common.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The errors no controller's own advice answers: an address that does not exist, a method the address does not take,
 * a malformed parameter of a page (or one that breaks its field rules). People (any path but the API) get the platform's error page in their language;
 * programs ({@code /api/…}) get RFC 9457 problem JSON. (The API's own controllers are answered by ApiProblems first.)
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@RequiredArgsConstructor
class FallbackErrors {
    private final MessageSource messages;

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(HttpServletRequest req, HttpServletResponse resp) {
        return answer(HttpStatus.NOT_FOUND, "problem.notFound", req, resp);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpServletRequest req, HttpServletResponse resp) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "problem.method", req, resp);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            InvalidInputException.class, BindException.class, HandlerMethodValidationException.class,
            ConstraintViolationException.class})
    Object badRequest(HttpServletRequest req, HttpServletResponse resp) {
        return answer(HttpStatus.BAD_REQUEST, "problem.invalid", req, resp);
    }

    private Object answer(HttpStatus status, String titleKey, HttpServletRequest req, HttpServletResponse resp) {
        if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
            Locale locale = LocaleContextHolder.getLocale();
            ProblemDetail pd = ProblemDetail.forStatus(status);
            pd.setTitle(messages.getMessage(titleKey, null, status.getReasonPhrase(), locale));
            pd.setType(URI.create("https://shebao.org/problems/" + titleKey.substring("problem.".length())));
            pd.setInstance(URI.create(req.getRequestURI()));
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
        }
        resp.setStatus(status.value());
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }
}
