package org.shebao.journeys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person should never read on a screen (issue 17, item 1): the system's own vocabulary instead of words.
 * Upper-case identifiers ({@code ENTERPRISE}, {@code RETIREMENT_APPROVAL}), {@code true}/{@code false}/{@code null},
 * 6-digit region codes standing in the text, login names, missing message keys ({@code ??x??}), doubled or empty
 * punctuation ({@code ，，}, {@code ：；}, {@code （）}) left by an empty value.
 */
final class RawCodeScanner {
    /** Upper-case words that are words: abbreviations people read as such. */
    static final Set<String> ALLOWED_CAPS = Set.of("PDF", "ID", "GB", "CSV", "OK", "API", "HTTP", "URL", "EMS", "SMS",
            "APP", "PM", "AM", "QR", "README", "JSON", "UTF", "GBK", "SHA", "JPG", "JPEG", "PNG", "MB", "KB", "XLSX");

    /** A clause ID (N-1a, FJ-1.3, SX-5): allowed only as a detail carrying the clause text as its tooltip. */
    private static final Pattern CLAUSE = Pattern.compile("(?<![A-Za-z0-9])(?:N|FJ|SX)-\\d+[a-z]?(?:\\.\\d+)?");
    /** An upper-case word; one with a digit in it is a reference people quote (a booking code, a voucher number). */
    private static final Pattern CAPS = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z_]*(?:_[A-Z0-9]+)*(?![A-Za-z0-9_])");
    private static final Pattern BOOLEAN = Pattern.compile("(?<![A-Za-z])(true|false|null)(?![A-Za-z])");
    private static final Pattern REGION = Pattern.compile("(?<![\\d.*\\-/:A-Za-z])[1-8]\\d{5}(?![\\d.*/:\\-])");
    private static final Pattern PUNCTUATION = Pattern.compile("[，。；：、！？,;:][，。；：、！？,;]|（\\s*）|\\(\\s*\\)|\\?\\?");

    private final Set<String> loginNames;

    RawCodeScanner(Collection<String> loginNames) {
        this.loginNames = Set.copyOf(loginNames);
    }

    /** The findings in a page's visible text, each with a little of its surroundings; empty when the page is clean. */
    List<String> scan(String text) {
        return scan(text, "");
    }

    /**
     * The findings in a page's visible text; {@code tooltipped} is the text of the elements that carry a tooltip
     * ({@code title}), where clause IDs may stand.
     */
    List<String> scan(String text, String tooltipped) {
        List<String> found = new ArrayList<>();
        Map<String, Integer> allowance = new HashMap<>();
        Matcher allowed = CLAUSE.matcher(tooltipped);
        while (allowed.find()) {
            allowance.merge(allowed.group(), 1, Integer::sum);
        }
        Matcher clause = CLAUSE.matcher(text);
        while (clause.find()) {
            if (allowance.merge(clause.group(), -1, Integer::sum) < 0) {
                found.add("clause ID without its text as a tooltip " + around(text, clause));
            }
        }
        text = CLAUSE.matcher(text).replaceAll("§");
        Matcher caps = CAPS.matcher(text);
        while (caps.find()) {
            boolean reference = text.startsWith("-", caps.end()) && caps.end() + 1 < text.length()
                    && Character.isDigit(text.charAt(caps.end() + 1));
            if (caps.group().length() >= 2 && !ALLOWED_CAPS.contains(caps.group()) && !reference) {
                found.add("upper-case code " + around(text, caps));
            }
        }
        add(found, "boolean/null", BOOLEAN.matcher(text), text);
        add(found, "region code", REGION.matcher(text), text);
        add(found, "punctuation", PUNCTUATION.matcher(text), text);
        for (String login : loginNames) {
            Matcher m = Pattern.compile("(?<![A-Za-z0-9._])" + Pattern.quote(login) + "(?![A-Za-z0-9_])").matcher(text);
            add(found, "login name", m, text);
        }
        return found;
    }

    private static void add(List<String> found, String what, Matcher m, String text) {
        while (m.find()) {
            found.add(what + " " + around(text, m));
        }
    }

    private static String around(String text, Matcher m) {
        int from = Math.max(0, m.start() - 15);
        int to = Math.min(text.length(), m.end() + 15);
        return "'" + m.group() + "' in «" + text.substring(from, to).replace('\n', ' ') + "»";
    }
}
