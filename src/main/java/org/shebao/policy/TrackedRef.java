package org.shebao.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a tracked deadline is about, as the module that owns it names it: a kind of item, its id, and the year when
 * the item is one per year (a person's deferred 2020 contributions). Owners pass and receive this record; how the
 * policy module keys it in its table is its own business, so no owner builds or parses a string.
 */
public record TrackedRef(String kind, long id, Integer year) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,19}");
    private static final Pattern KEY = Pattern.compile("([a-z][a-z-]{0,19}):(\\d+)(?::(\\d{4}))?");

    public TrackedRef {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("a tracked item's kind is a short lower-case word: " + kind);
        }
    }

    public static TrackedRef of(String kind, long id) {
        return new TrackedRef(kind, id, null);
    }

    public static TrackedRef of(String kind, long id, int year) {
        return new TrackedRef(kind, id, year);
    }

    /** The item's key in the policy module's table. */
    String key() {
        return kind + ":" + id + (year == null ? "" : ":" + year);
    }

    static TrackedRef fromKey(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalStateException("not a tracked item's key: " + key);
        }
        return new TrackedRef(m.group(1), Long.parseLong(m.group(2)), m.group(3) == null ? null : Integer.valueOf(m.group(3)));
    }
}
