package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Templates: a fragment named like an HTML element selects only itself")
class TemplateFragmentsTest {
    /** Element names Thymeleaf's selector would also match (`~{t :: summary}` takes every <summary> too). */
    private static final Set<String> ELEMENTS = Set.of("a", "article", "aside", "button", "caption", "details",
            "dialog", "div", "dl", "fieldset", "footer", "form", "head", "header", "input", "label", "li", "main",
            "nav", "ol", "option", "p", "pre", "section", "select", "small", "span", "summary", "table", "tbody",
            "td", "textarea", "th", "thead", "tr", "ul");
    private static final Pattern FRAGMENT = Pattern.compile("th:fragment=\"([A-Za-z0-9_]+)");

    @Test
    @DisplayName("no template defines a fragment `x` while holding other <x> elements (a case page once showed a "
            + "commitment letter's <summary> under its summary)")
    void fragmentNamesAreUnambiguous() throws IOException {
        List<String> clashes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(f);
                Matcher m = FRAGMENT.matcher(html);
                while (m.find()) {
                    String name = m.group(1);
                    // the element that carries the fragment counts once if it is itself an <x>
                    String tag = html.substring(html.lastIndexOf('<', m.start()) + 1).split("[\\s>]", 2)[0];
                    long others = Pattern.compile("<" + name + "[\\s>]").matcher(html).results().count()
                            - (tag.equals(name) ? 1 : 0);
                    if (ELEMENTS.contains(name) && others > 0) {
                        clashes.add(f + ": fragment '" + name + "'");
                    }
                }
            }
        }
        assertThat(clashes).isEmpty();
    }
}
