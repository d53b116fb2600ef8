package org.shebao.dashboard;

import java.util.List;

/**
 * One count on a home page: what it counts (a message key and its arguments), the count, and the list it links to.
 *
 * @param id    a stable name (the page's element id and the API's key)
 * @param alert whether a non-zero count needs attention (overdue, fevers)
 */
public record Tile(String id, String label, List<String> args, long count, String href, boolean alert) {
    public Object[] argArray() {
        return args.toArray();
    }
}
