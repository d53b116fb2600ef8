package org.shebao.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The rows of an uploaded table, numbered as the user sees them: an Excel workbook (.xlsx: the first sheet, row
 * numbers as Excel shows them) or CSV (Commons CSV; UTF-8 with or without a BOM, or GB18030 as Excel saves CSV on
 * Chinese Windows; line numbers as an editor shows them). Blank rows are skipped; a workbook row's trailing empty
 * cells are dropped (a CSV line keeps its commas: it has the columns it was written with). What a
 * date cell means is the caller's ({@code dateCell}: column and day → text, e.g. a month or the day itself).
 */
public final class UploadedRows {
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private UploadedRows() {
    }

    /** One row read: its line (or Excel row) number and its cells as text. */
    public record Line(int line, List<String> values) {
        public String value(int i) {
            return i < values.size() ? values.get(i) : null;
        }
    }

    /** The file cannot be read: an unclosed quote after {@code line} (CSV), or not a workbook (line 0). */
    public static final class Unreadable extends RuntimeException {
        private final int line;

        Unreadable(int line) {
            super("unreadable upload at line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }

        public boolean quote() {
            return line > 0;
        }
    }

    /** An Excel workbook (by its zip signature or its name), else CSV. */
    public static boolean isXlsx(String fileName, byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == ZIP[0] && bytes[1] == ZIP[1] && bytes[2] == ZIP[2]
                && bytes[3] == ZIP[3];
        return zip || fileName != null && fileName.toLowerCase().endsWith(".xlsx");
    }

    /** The non-blank rows, at most {@code max} (more: {@link TooMany}). */
    public static List<Line> read(boolean xlsx, byte[] bytes, BiFunction<Integer, LocalDate, String> dateCell, int max) {
        List<Line> out = new ArrayList<>();
        if (xlsx) {
            xlsx(bytes, dateCell, out, max);
        } else {
            csv(bytes, out, max);
        }
        return out;
    }

    /** More rows than the caller takes. */
    public static final class TooMany extends RuntimeException {
        TooMany() {
            super("too many rows");
        }
    }

    private static void csv(byte[] bytes, List<Line> out, int max) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CsvLineNumbers lines = new CsvLineNumbers(text);
        int n = 0;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : parser) {
                n = lines.lineAt(rec.getCharacterPosition());
                List<String> values = new ArrayList<>();
                rec.forEach(values::add);
                add(out, n, values, max);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new Unreadable(n + 1); // an unclosed quote: the parser cannot tell where the line ends
        }
    }

    /** UTF-8 when the bytes are UTF-8, else GB18030 (a CSV saved by Excel on Chinese Windows). */
    public static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static void xlsx(byte[] bytes, BiFunction<Integer, LocalDate, String> dateCell, List<Line> out, int max) {
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) {
                return;
            }
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int c = 0; c < last; c++) {
                    values.add(text(row.getCell(c), c, formatter, dateCell));
                }
                while (!values.isEmpty() && values.get(values.size() - 1).isBlank()) { // formatted empty cells
                    values.remove(values.size() - 1);
                }
                add(out, row.getRowNum() + 1, values, max);
            }
        } catch (TooMany e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(0); // not a workbook (or a damaged one, or one POI refuses as a zip bomb)
        }
    }

    /** A cell as the user meant it: a date cell as the caller reads it, a number without Excel's format. */
    private static String text(Cell cell, int column, DataFormatter formatter,
                               BiFunction<Integer, LocalDate, String> dateCell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                String d = dateCell.apply(column,
                        cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
                if (d != null) {
                    return d;
                }
            }
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static void add(List<Line> out, int line, List<String> values, int max) {
        if (values.stream().allMatch(v -> v == null || v.isBlank())) {
            return;
        }
        if (out.size() >= max) { // stop reading: the whole file is refused anyway
            throw new TooMany();
        }
        out.add(new Line(line, values));
    }
}
