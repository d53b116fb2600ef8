package org.shebao.common.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shebao.common.Xlsx;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * An upload template (the agreed layout of a file users fill in), the header in the user's language
 * ({@code <prefix>.<column>}, the file's name {@code <prefix>.file}): as Excel (the text columns formatted as text, so
 * that Excel keeps them as typed) or as CSV (UTF-8 with a BOM, which Excel opens correctly).
 */
public final class UploadTemplates {
    private UploadTemplates() {
    }

    public static void write(String format, MessageSource messages, HttpServletResponse response, String prefix,
                             List<String> columns, Set<Integer> textColumns) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> header = columns.stream().map(c -> messages.getMessage(prefix + "." + c, null, locale)).toList();
        String base = messages.getMessage(prefix + ".file", null, locale);
        boolean csv = "csv".equalsIgnoreCase(format);
        response.setContentType(csv ? "text/csv;charset=UTF-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(base + (csv ? ".csv" : ".xlsx"), StandardCharsets.UTF_8).build().toString());
        if (csv) {
            response.getOutputStream().write(("\uFEFF" + String.join(",", header) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            response.getOutputStream().flush();
        } else {
            Xlsx.template(response.getOutputStream(), base, header, textColumns);
        }
    }
}
