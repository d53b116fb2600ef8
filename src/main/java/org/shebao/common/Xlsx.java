package org.shebao.common;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import java.util.Arrays;

/**
 * Single-sheet Excel workbooks (.xlsx) for the exports of ledgers and registers that clerks open in Excel or WPS,
 * written with Apache POI's streaming SXSSF: rows go out as they come (a window of rows in memory, inline strings),
 * so a register of a million lines is never built in memory. One sheet, a bold frozen header row with an
 * autofilter, column widths from the widest value, and typed cells:
 * <ul>
 * <li>{@link String} (and any other object, through {@code toString()}): text, with characters XML 1.0 forbids
 * dropped and cut at Excel's 32 767 characters;</li>
 * <li>{@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger}, {@link Double},
 * {@link Float}: a number (NaN and infinities become text);</li>
 * <li>{@link BigDecimal}: a number, shown as money ({@code #,##0.00}) when its scale is 2; {@link Money} as its
 * amount, as money;</li>
 * <li>{@link LocalDate}: a date shown as {@code yyyy-mm-dd} (before 1900, which Excel cannot hold, as text);</li>
 * <li>{@link Boolean}: a boolean cell; {@code null}: no cell.</li>
 * </ul>
 * The sheet name is cut to 31 characters, {@code [ ] : * ? / \} replaced with an underscore.
 */
public final class Xlsx {
    /** Excel's limits: rows per sheet, characters per cell and per sheet name. */
    public static final int MAX_ROWS = 1_048_576;
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_SHEET_NAME = 31;
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 80;
    /** Rows kept in memory before they are flushed to the temporary sheet file. */
    private static final int WINDOW = 500;

    private Xlsx() {
    }

    /** Writes a workbook of these rows (a row may be shorter or longer than the header, and may hold nulls). */
    public static void write(OutputStream out, String sheetName, List<String> header, List<? extends List<?>> rows)
            throws IOException {
        write(out, sheetName, header, (Consumer<Consumer<List<?>>>) sink -> (rows == null ? List.<List<?>>of() : rows)
                .forEach(sink));
    }

    /**
     * Writes a workbook whose rows {@code rows} hands, one by one, to the consumer it is given (from a database
     * cursor, say). The stream is finished but not closed: it belongs to the caller (for example a servlet response).
     *
     * @throws IllegalArgumentException when there are more rows than Excel can show
     */
    public static void write(OutputStream out, String sheetName, List<String> header, Consumer<Consumer<List<?>>> rows)
            throws IOException {
        write(out, sheetName, header, rows, java.util.Set.of());
    }

    /**
     * A form to fill in (an upload template): the header row only, the columns {@code textColumns} (0-based) formatted
     * as text, so that what is typed there stays as typed (Excel would turn an 18-digit ID number into a rounded
     * number and {@code 2020-03} into a date).
     */
    public static void template(OutputStream out, String sheetName, List<String> header,
                                java.util.Set<Integer> textColumns) throws IOException {
        write(out, sheetName, header, sink -> { }, textColumns);
    }

    private static void write(OutputStream out, String sheetName, List<String> header,
                              Consumer<Consumer<List<?>>> rows, java.util.Set<Integer> textColumns) throws IOException {
        List<String> head = header == null ? List.of() : header;
        SXSSFWorkbook wb = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            Sheet sheet = new Sheet(wb, sheetName, head);
            if (!textColumns.isEmpty()) {
                CellStyle text = wb.createCellStyle();
                text.setDataFormat(wb.createDataFormat().getFormat("@"));
                textColumns.forEach(c -> sheet.sheet.setDefaultColumnStyle(c, text));
            }
            rows.accept(sheet::row);
            sheet.finish(!head.isEmpty());
            wb.write(out);
            out.flush();
        } finally {
            wb.close(); // also removes the temporary sheet files
        }
    }

    /** One sheet being written: the next row's number, and the widest value seen per column. */
    private static final class Sheet {
        private final SXSSFSheet sheet;
        private final Styles styles;
        private int next;
        private int[] widths;

        Sheet(SXSSFWorkbook wb, String name, List<String> head) {
            styles = new Styles(wb);
            sheet = wb.createSheet(sheetName(name));
            widths = new int[head.size()];
            if (!head.isEmpty()) {
                Row r = sheet.createRow(next++);
                for (int c = 0; c < head.size(); c++) {
                    Cell cell = r.createCell(c);
                    cell.setCellValue(text(head.get(c)));
                    cell.setCellStyle(styles.header);
                    // bold text and the autofilter's drop-down button need a little more room
                    widths[c] = displayWidth(head.get(c)) + 4;
                }
                sheet.createFreezePane(0, 1);
            }
        }

        void row(List<?> values) {
            if (next >= MAX_ROWS) {
                throw new IllegalArgumentException("more rows than an Excel sheet holds (" + MAX_ROWS + ")");
            }
            Row r = sheet.createRow(next++);
            if (values == null) {
                return;
            }
            if (values.size() > widths.length) {
                widths = java.util.Arrays.copyOf(widths, values.size());
            }
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v != null) {
                    widths[c] = Math.max(widths[c], displayWidth(cell(r.createCell(c), v, styles)) + 2);
                }
            }
        }

        void finish(boolean filter) {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c])) * 256);
            }
            if (filter && widths.length > 0) {
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, widths.length - 1));
            }
        }
    }

    /** The workbook's three styles, made once. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle money;

        Styles(SXSSFWorkbook wb) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        }
    }

    /** Fills a cell by the value's type; returns the text Excel roughly shows, to size the column. */
    private static String cell(Cell cell, Object v, Styles styles) {
        Object value = v instanceof Money m ? m.amount() : v;
        if (value instanceof BigDecimal d) {
            cell.setCellValue(d.doubleValue());
            if (d.scale() == 2) {
                cell.setCellStyle(styles.money);
                return String.format("%,.2f", d);
            }
            return d.toPlainString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            cell.setCellValue(((Number) value).doubleValue());
            return value.toString();
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            cell.setCellValue(((Number) value).doubleValue());
            return value.toString();
        }
        if (value instanceof LocalDate d && !d.isBefore(FIRST_DATE)) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.date);
            return "yyyy-mm-dd";
        }
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
            return b ? "TRUE" : "FALSE";
        }
        String s = text(value.toString());
        cell.setCellValue(s);
        return s;
    }

    /** Text a cell may hold: characters XML 1.0 forbids dropped, at most 32 767 characters. */
    static String text(String raw) {
        StringBuilder sb = new StringBuilder(Math.min(raw.length(), MAX_CELL_CHARS));
        for (int i = 0; i < raw.length() && sb.length() < MAX_CELL_CHARS; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (legalXml(cp) && sb.length() + Character.charCount(cp) <= MAX_CELL_CHARS) {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** The sheet name Excel accepts: forbidden characters replaced, at most 31 characters, never blank. */
    static String sheetName(String raw) {
        String name = raw == null ? "" : raw.strip();
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = Character.charCount(cp);
            if (sb.length() + len > MAX_SHEET_NAME) {
                break;
            }
            if ("[]:*?/\\".indexOf(cp) >= 0 || !legalXml(cp)) {
                sb.append('_');
            } else {
                sb.appendCodePoint(cp);
            }
            i += len;
        }
        // Excel also refuses an apostrophe at either end
        if (sb.length() > 0 && sb.charAt(0) == '\'') {
            sb.setCharAt(0, '_');
        }
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\'') {
            sb.setCharAt(sb.length() - 1, '_');
        }
        return sb.toString().isBlank() ? "Sheet1" : sb.toString();
    }

    private static boolean legalXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /** Width in character cells: East Asian wide characters count double; the longest line counts. */
    static int displayWidth(String s) {
        if (s == null) {
            return 0;
        }
        int max = 0;
        int line = 0;
        int limit = Math.min(s.length(), MAX_WIDTH * 2);
        for (int i = 0; i < limit; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                max = Math.max(max, line);
                line = 0;
            } else {
                line += wide(cp) ? 2 : 1;
            }
        }
        return Math.max(max, line);
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) // Hangul Jamo
                || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F) // CJK radicals .. Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3) // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF) // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F) // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60) // full-width forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs and emoji
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extension B and beyond
    }
}
