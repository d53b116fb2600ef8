package org.shebao.common;

/** Page numbers of lists (0-based): checked before they reach an OFFSET, so a huge or negative one is bad input. */
public final class Paging {
    /** The last page any list may be asked for (10,000 pages of a screen's rows are more than anyone reads). */
    public static final int MAX_PAGE = 10_000;

    private Paging() {
    }

    /** The OFFSET of a page of {@code size} rows; refuses a page below 0 or above {@link #MAX_PAGE}. */
    public static long offset(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw InvalidInputException.of("page", "error.page", String.valueOf(MAX_PAGE));
        }
        return (long) page * size;
    }
}
