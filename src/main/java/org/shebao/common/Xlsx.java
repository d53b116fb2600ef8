package org.shebao.common;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A tiny, dependency-free writer of single-sheet Excel workbooks (.xlsx, Office Open XML), for the exports of
 * ledgers and registers that clerks download and open in Excel or WPS. It replaces Apache POI for this one job:
 * one sheet, a bold frozen header row with an autofilter, column widths guessed from the content, and typed cells.
 *
 * <p>Cell values map as follows:
 * <ul>
 * <li>{@link String} (and any other object, through {@code toString()}): an inline string, XML-escaped, with
 * characters that XML 1.0 forbids dropped and cut at Excel’s limit of 32 767 characters;</li>
 * <li>{@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger}, {@link Double},
 * {@link Float}: a plain number (NaN and infinities become text);</li>
 * <li>{@link BigDecimal}: a number, shown as money ({@code #,##0.00}) when its scale is 2, plain otherwise;
 * {@link Money} is written as its amount, as money;</li>
 * <li>{@link LocalDate}: an Excel serial date (days since 1899-12-30) shown as {@code yyyy-mm-dd}; a date before
 * 1900, which Excel cannot hold, as text;</li>
 * <li>{@link Boolean}: a boolean cell;</li>
 * <li>{@code null}: no cell at all.</li>
 * </ul>
 *
 * <p>The sheet name is cut to 31 characters, and the characters {@code [ ] : * ? / \} are replaced with an
 * underscore. The output is streamed; only the column widths need a first pass over the rows.
 */
public final class Xlsx {
    /** Excel’s limits: rows per sheet, columns per sheet, characters per cell and per sheet name. */
    static final int MAX_ROWS = 1_048_576;
    static final int MAX_COLUMNS = 16_384;
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_SHEET_NAME = 31;

    private static final int STYLE_HEADER = 1;
    private static final int STYLE_DATE = 2;
    private static final int STYLE_MONEY = 3;

    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    /** Excel believes 1900 was a leap year; serials before 1 March 1900 are one lower than a day count gives. */
    private static final LocalDate LEAP_BUG_END = LocalDate.of(1900, 3, 1);
    private static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 80;

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    private Xlsx() {
    }

    /**
     * Writes a workbook with one sheet to {@code out}. The stream is finished as a ZIP archive but not closed: it
     * belongs to the caller (for example a servlet response).
     *
     * @param out       where the .xlsx bytes go
     * @param sheetName the sheet’s name; cleaned as described on the class
     * @param header    the column titles, written as a bold, frozen first row with an autofilter; may be empty
     * @param rows      the data rows; a row may be shorter or longer than the header, and may hold nulls
     * @throws IOException              when {@code out} fails
     * @throws IllegalArgumentException when there are more rows or columns than Excel can show
     */
    public static void write(OutputStream out, String sheetName, List<String> header, List<List<Object>> rows)
            throws IOException {
        List<String> head = header == null ? List.of() : header;
        List<List<Object>> data = rows == null ? List.of() : rows;
        boolean hasHeader = !head.isEmpty();
        int rowCount = data.size() + (hasHeader ? 1 : 0);
        if (rowCount > MAX_ROWS) {
            throw new IllegalArgumentException(
                    "Excel shows at most " + MAX_ROWS + " rows per sheet, this export has " + rowCount);
        }
        int columns = head.size();
        for (List<Object> row : data) {
            if (row != null) {
                columns = Math.max(columns, row.size());
            }
        }
        if (columns > MAX_COLUMNS) {
            throw new IllegalArgumentException(
                    "Excel shows at most " + MAX_COLUMNS + " columns per sheet, this export has " + columns);
        }
        String name = sheetName(sheetName);
        String lastCell = columns == 0 || rowCount == 0 ? "A1" : columnName(columns) + rowCount;
        String usedRange = "A1:" + lastCell;
        boolean filter = hasHeader;

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);

        entry(zip, w, "[Content_Types].xml", XML_DECL
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\""
                + "application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\""
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "</Types>");
        entry(zip, w, "_rels/.rels", XML_DECL
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        String definedNames = filter
                ? "<definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
                        + escape("'" + name.replace("'", "''") + "'!" + absolute(usedRange)) + "</definedName>"
                        + "</definedNames>"
                : "";
        entry(zip, w, "xl/workbook.xml", XML_DECL
                + "<workbook xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">"
                + "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
                + "<sheets><sheet name=\"" + escape(name) + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                + definedNames
                + "</workbook>");
        entry(zip, w, "xl/_rels/workbook.xml.rels", XML_DECL
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL_NS + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL_NS + "/styles\" Target=\"styles.xml\"/>"
                + "</Relationships>");
        entry(zip, w, "xl/styles.xml", XML_DECL
                + "<styleSheet xmlns=\"" + MAIN_NS + "\">"
                + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
                + "<fonts count=\"2\">"
                + "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "</fonts>"
                + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
                + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
                + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
                + "<cellStyleXfs count=\"1\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"4\">"
                + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
                + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                // 4 is the built-in #,##0.00
                + "<xf numFmtId=\"4\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
                + "</cellXfs>"
                + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
                + "</styleSheet>");

        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        w.write(XML_DECL);
        w.write("<worksheet xmlns=\"" + MAIN_NS + "\" xmlns:r=\"" + REL_NS + "\">");
        w.write("<dimension ref=\"" + (rowCount == 0 || columns == 0 ? "A1" : usedRange) + "\"/>");
        w.write("<sheetViews><sheetView workbookViewId=\"0\" tabSelected=\"1\">");
        if (hasHeader) {
            w.write("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>");
            w.write("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>");
        }
        w.write("</sheetView></sheetViews>");
        w.write("<sheetFormatPr defaultRowHeight=\"15\"/>");
        if (columns > 0) {
            int[] widths = widths(head, data, columns);
            w.write("<cols>");
            for (int c = 0; c < columns; c++) {
                w.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + widths[c]
                        + "\" customWidth=\"1\"/>");
            }
            w.write("</cols>");
        }
        w.write("<sheetData>");
        int r = 0;
        if (hasHeader) {
            r++;
            w.write("<row r=\"1\">");
            for (int c = 0; c < head.size(); c++) {
                String title = head.get(c);
                if (title != null) {
                    inlineString(w, columnName(c + 1) + 1, STYLE_HEADER, title);
                }
            }
            w.write("</row>");
        }
        for (List<Object> row : data) {
            r++;
            w.write("<row r=\"" + r + "\">");
            if (row != null) {
                for (int c = 0; c < row.size(); c++) {
                    cell(w, columnName(c + 1) + r, row.get(c));
                }
            }
            w.write("</row>");
        }
        w.write("</sheetData>");
        if (filter) {
            w.write("<autoFilter ref=\"" + usedRange + "\"/>");
        }
        w.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        w.write("</worksheet>");
        w.flush();
        zip.closeEntry();
        zip.finish();
        out.flush();
    }

    /**
     * The letters Excel gives a column: 1 is A, 26 is Z, 27 is AA, 28 is AB, 16 384 is XFD.
     *
     * @param column the column number, counted from 1
     * @return the column’s letters
     */
    public static String columnName(int column) {
        if (column < 1 || column > MAX_COLUMNS) {
            throw new IllegalArgumentException("column must be between 1 and " + MAX_COLUMNS + ": " + column);
        }
        StringBuilder sb = new StringBuilder(3);
        for (int n = column; n > 0; n = (n - 1) / 26) {
            sb.append((char) ('A' + (n - 1) % 26));
        }
        return sb.reverse().toString();
    }

    /** The Excel serial number of a date: days since 1899-12-30 (for 2020-07-30, 44042). */
    static long serial(LocalDate date) {
        LocalDate epoch = date.isBefore(LEAP_BUG_END) ? EPOCH.plusDays(1) : EPOCH;
        return ChronoUnit.DAYS.between(epoch, date);
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

    private static void entry(ZipOutputStream zip, Writer w, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(content);
        w.flush();
        zip.closeEntry();
    }

    private static void cell(Writer w, String ref, Object value) throws IOException {
        if (value == null) {
            return;
        }
        if (value instanceof Money m) {
            value = m.amount();
        }
        if (value instanceof String s) {
            inlineString(w, ref, 0, s);
        } else if (value instanceof BigDecimal d) {
            number(w, ref, d.scale() == 2 ? STYLE_MONEY : 0, d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger) {
            number(w, ref, 0, value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                inlineString(w, ref, 0, value.toString());
            } else {
                number(w, ref, 0, plain(value));
            }
        } else if (value instanceof Number n && isDecimal(n.toString())) {
            number(w, ref, 0, new BigDecimal(n.toString()).toPlainString());
        } else if (value instanceof LocalDate d) {
            if (d.isBefore(FIRST_DATE)) {
                inlineString(w, ref, 0, d.toString()); // Excel has no serial for it
            } else {
                number(w, ref, STYLE_DATE, Long.toString(serial(d)));
            }
        } else if (value instanceof Boolean b) {
            w.write("<c r=\"" + ref + "\" t=\"b\"><v>" + (b ? 1 : 0) + "</v></c>");
        } else {
            inlineString(w, ref, 0, value.toString());
        }
    }

    private static boolean isDecimal(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String plain(Object floating) {
        BigDecimal d = floating instanceof Float f ? new BigDecimal(f.toString())
                : BigDecimal.valueOf(((Number) floating).doubleValue());
        d = d.stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static void number(Writer w, String ref, int style, String text) throws IOException {
        w.write("<c r=\"" + ref + "\"" + (style == 0 ? "" : " s=\"" + style + "\"") + "><v>" + text + "</v></c>");
    }

    private static void inlineString(Writer w, String ref, int style, String text) throws IOException {
        w.write("<c r=\"" + ref + "\"" + (style == 0 ? "" : " s=\"" + style + "\"")
                + " t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        w.write(escape(excelText(text)));
        w.write("</t></is></c>");
    }

    /**
     * Cuts text to Excel’s cell limit and protects literal _xHHHH_ sequences, which Excel would otherwise read
     * as escaped characters.
     */
    private static String excelText(String text) {
        String s = text;
        if (s.length() > MAX_CELL_CHARS) {
            int end = Character.isHighSurrogate(s.charAt(MAX_CELL_CHARS - 1)) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
            s = s.substring(0, end);
        }
        if (s.indexOf("_x") < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '_' && i + 6 < s.length() && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_'
                    && isHex(s, i + 2, i + 6)) {
                sb.append("_x005F_");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Escapes text for XML content and attributes, dropping the characters XML 1.0 does not allow. */
    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            String rep = switch (cp) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\r' -> "&#13;";
                default -> legalXml(cp) ? null : "";
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            i += len;
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean legalXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static String absolute(String range) {
        StringBuilder sb = new StringBuilder();
        for (String part : range.split(":")) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            int digits = 0;
            while (digits < part.length() && !Character.isDigit(part.charAt(digits))) {
                digits++;
            }
            sb.append('$').append(part, 0, digits).append('$').append(part.substring(digits));
        }
        return sb.toString();
    }

    private static int[] widths(List<String> head, List<List<Object>> data, int columns) {
        int[] widths = new int[columns];
        for (int c = 0; c < head.size(); c++) {
            // bold text and the autofilter’s drop-down button need a little more room
            widths[c] = Math.max(widths[c], displayWidth(head.get(c)) + 4);
        }
        for (List<Object> row : data) {
            if (row == null) {
                continue;
            }
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v != null) {
                    widths[c] = Math.max(widths[c], displayWidth(shown(v)) + 2);
                }
            }
        }
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c]));
        }
        return widths;
    }

    /** Roughly the text Excel shows for a value, to size its column. */
    private static String shown(Object v) {
        Object value = v instanceof Money m ? m.amount() : v;
        if (value instanceof BigDecimal d && d.scale() == 2) {
            return String.format("%,.2f", d);
        }
        if (value instanceof LocalDate) {
            return "yyyy-mm-dd";
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            return plain(value);
        }
        return value.toString();
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
