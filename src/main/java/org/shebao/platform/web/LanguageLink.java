package org.shebao.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The menu's language switch: the same address with its query string (a search, a filter, a month) and the other
 * language, so that switching never loses what the page shows. On an error page, the address that failed.
 */
@Component("languageLink")
public class LanguageLink {

    /** The current address with {@code lang} set to the given language. */
    public String href(String lang) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + lang;
        }
        HttpServletRequest request = attributes.getRequest();
        String failed = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = failed != null ? failed : request.getRequestURI();
        String query = failed != null && request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) != null
                ? (String) request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING) : request.getQueryString();
        return UriComponentsBuilder.fromUriString(path + (query == null ? "" : "?" + query))
                .replaceQueryParam("lang", lang).build().toUriString();
    }
}
