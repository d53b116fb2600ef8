package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Messages: no key given twice (the second would silently replace the first), the same keys in Chinese and English")
class MessagesTest {
    private static List<String> keys(String file) throws IOException {
        return Files.readAllLines(Path.of("src/main/resources", file)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                .map(l -> l.substring(0, l.indexOf('=')).strip()).toList();
    }

    @Test
    void noDuplicatesAndBothLanguages() throws IOException {
        for (String f : List.of("messages.properties", "messages_en.properties")) {
            Map<String, Long> counts = keys(f).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as(f + ": keys given twice").isEmpty();
        }
        Set<String> zh = new TreeSet<>(keys("messages.properties"));
        Set<String> en = new TreeSet<>(keys("messages_en.properties"));
        assertThat(zh).as("keys only in Chinese").containsAll(en);
        assertThat(en).as("keys only in English").containsAll(zh);
    }
}
