package org.shebao.policy.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.shebao.policy.internal.YamlNode;

/** A clause of the notices (../shared/policy/CLAUSES.md): its ID and its provision in short, for screens. */
public record Clause(String id, String text, String textEn) {
    private static final Pattern ID = Pattern.compile("(N|SX|FJ)-\\d+(\\.\\d+)?[a-z]?");

    public static Map<String, Clause> load(YamlNode root) {
        root.onlyKeys("clauses");
        Map<String, Clause> out = new LinkedHashMap<>();
        for (YamlNode c : root.list("clauses")) {
            c.onlyKeys("id", "text", "textEn");
            String id = c.text("id");
            if (!ID.matcher(id).matches()) {
                throw c.get("id").error("'" + id + "' is not a clause ID like N-1c, SX-3 or FJ-1.3");
            }
            if (out.put(id, new Clause(id, c.text("text"), c.text("textEn"))) != null) {
                throw c.error("clause " + id + " is listed twice");
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
