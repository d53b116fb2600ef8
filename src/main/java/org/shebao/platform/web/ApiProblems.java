package org.shebao.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldRules;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.web.BindingViolations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the JSON API as an RFC 9457 problem detail, in the client's language, with a field-level list
 * ({@code errors: [{field, code, message}]}). No stack trace ever leaves the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class ApiProblems {
    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private final MessageSource messages;
    private final ObjectMapper json;

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", e.violations(), req);
    }

    /** A body or form that breaks its record's field rules (@Valid), or did not bind to its types. */
    @ExceptionHandler(BindException.class)
    ProblemDetail invalidBody(BindException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", BindingViolations.of(e.getBindingResult()), req);
    }

    /** Parameters validated one by one (a constrained @RequestParam or header). */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", BindingViolations.of(e), req);
    }

    /** A request validated by hand (a part read from a multipart body) or by a @Validated bean. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidRequest(ConstraintViolationException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", FieldRules.of(e.getConstraintViolations()), req);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest req) {
        return problem(HttpStatus.CONFLICT, "problem.conflict", List.of(e.violation()), req);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_FOUND, "problem.notFound", List.of(), req);
    }

    @ExceptionHandler({AccessDeniedToRecordException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e, HttpServletRequest req) {
        return problem(HttpStatus.FORBIDDEN, "problem.forbidden", List.of(), req);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        List<FieldViolation> violations = List.of();
        if (e.getCause() instanceof MismatchedInputException mie && !mie.getPath().isEmpty()) {
            String field = mie.getPath().stream().map(JacksonException.Reference::getPropertyName)
                    .filter(n -> n != null).collect(Collectors.joining("."));
            violations = List.of(FieldViolation.of(field,
                    mie instanceof InvalidFormatException ? "error.format" : "error.type"));
        }
        return problem(HttpStatus.BAD_REQUEST, "problem.unreadable", violations, req);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception e, HttpServletRequest req) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", List.of(FieldViolation.of(name, "error.format")), req);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "problem.method", List.of(), req);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType", List.of(), req);
    }

    /** A multipart body that cannot be parsed, or one without a required part (e.g. {@code application}). */
    @ExceptionHandler({MultipartException.class,
            MissingServletRequestPartException.class})
    ProblemDetail badMultipart(Exception e, HttpServletRequest req) {
        String part = e instanceof MissingServletRequestPartException m
                ? m.getRequestPartName() : "multipart";
        return problem(HttpStatus.BAD_REQUEST, "problem.invalid", List.of(FieldViolation.of(part,
                e instanceof MissingServletRequestPartException
                        ? "error.required" : "error.format")), req);
    }

    /** Two requests raced for the same unique fact: the loser is told to look again (409), nothing was written. */
    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail raced(DuplicateKeyException e, HttpServletRequest req) {
        log.info("Concurrent duplicate refused on {} {}: {}", req.getMethod(), req.getRequestURI(),
                e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "problem.conflict", List.of(FieldViolation.of("version", "error.concurrent")), req);
    }

    /**
     * The client accepts no JSON (e.g. {@code Accept: text/plain}): 406 with the problem written as
     * application/problem+json all the same (a client that asked for something else still learns why).
     */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<String> notAcceptable(Exception e, HttpServletRequest req) {
        ProblemDetail pd = problem(HttpStatus.NOT_ACCEPTABLE, "problem.notAcceptable", List.of(), req);
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(json.writeValueAsString(pd));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest req) {
        log.error("Unexpected error on {} {}", req.getMethod(), req.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal", List.of(), req);
    }

    private ProblemDetail problem(HttpStatus status, String titleKey, List<FieldViolation> violations,
                                  HttpServletRequest req) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail pd = ProblemDetail.forStatus(status);
        pd.setTitle(messages.getMessage(titleKey, null, status.getReasonPhrase(), locale));
        pd.setType(URI.create("https://shebao.org/problems/" + titleKey.substring("problem.".length())));
        pd.setInstance(URI.create(req.getRequestURI()));
        List<Map<String, String>> errors = violations.stream().map(v -> Map.of(
                "field", v.field(),
                "code", v.code(),
                "message", messages.getMessage(v.code(), v.args().toArray(), v.code(), locale))).toList();
        if (!errors.isEmpty()) {
            pd.setDetail(errors.stream().map(m -> m.get("message")).collect(Collectors.joining("；")));
            pd.setProperty("errors", errors);
        }
        return pd;
    }
}
