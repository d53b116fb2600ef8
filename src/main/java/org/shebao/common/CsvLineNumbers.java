package org.shebao.common;

/**
 * The line an editor shows for a CSV record (Commons CSV gives its character position): one more than the line
 * breaks before it. Positions must be asked in increasing order (one pass over the text).
 */
public final class CsvLineNumbers {
    private final String text;
    private int position;
    private int line = 1;

    public CsvLineNumbers(String text) {
        this.text = text;
    }

    public int lineAt(long start) {
        // a record's position may be that of the blank lines skipped before it: its line is the first non-blank
        long target = start;
        while (target < text.length() && (text.charAt((int) target) == '\r' || text.charAt((int) target) == '\n')) {
            target++;
        }
        for (; position < target && position < text.length(); position++) {
            if (text.charAt(position) == '\n') {
                line++;
            }
        }
        return line;
    }
}
