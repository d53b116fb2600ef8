package org.shebao.contribution.web;

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
 * The agency's declaration template (缴费基数申报模板), the same for every employer: four columns, the header in the
 * user's language; as Excel (ID number and period columns formatted as text, so that Excel keeps them as typed) or as
 * CSV (UTF-8 with a BOM, which Excel opens correctly).
 */
final class DeclarationTemplates {
    static final List<String> COLUMNS = List.of("idNumber", "name", "period", "base");

    private DeclarationTemplates() {
    }

    static void write(String format, MessageSource messages, HttpServletResponse response) throws IOException {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> header = COLUMNS.stream()
                .map(c -> messages.getMessage("declaration.template." + c, null, locale)).toList();
        String base = messages.getMessage("declaration.template.file", null, locale);
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
            Xlsx.template(response.getOutputStream(), base, header, Set.of(0, 2));
        }
    }
}
