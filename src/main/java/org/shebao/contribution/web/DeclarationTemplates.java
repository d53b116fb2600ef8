package org.shebao.contribution.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.shebao.common.web.UploadTemplates;
import org.springframework.context.MessageSource;

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
        UploadTemplates.write(format, messages, response, "declaration.template", COLUMNS, Set.of(0, 2));
    }
}
