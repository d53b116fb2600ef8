package org.shebao.contribution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
import org.shebao.common.CsvLineNumbers;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;

/**
 * Reads an uploaded declaration into {@link DeclaredLine}s, numbered as the user sees them: an Excel workbook
 * (.xlsx, the agency's template: first sheet, row numbers as Excel shows them) or CSV (Commons CSV; UTF-8 with or
 * without a BOM, or GB18030 as Excel saves CSV on Chinese Windows; line numbers as an editor shows them). Columns:
 * ID number, name, period, wage base. A first line that does not begin with a digit is the header; blank lines are
 * skipped. A file that cannot be read at all is refused as a whole; a line with the wrong number of columns is
 * returned with the columns it has, for the service to name.
 */
final class DeclarationFiles {
    static final int COLUMNS = 4;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private DeclarationFiles() {
    }

    static DeclarationChannel channelOf(String fileName, byte[] bytes) {
        boolean zip = bytes.length >= 4 && bytes[0] == ZIP[0] && bytes[1] == ZIP[1] && bytes[2] == ZIP[2]
                && bytes[3] == ZIP[3];
        return zip || fileName != null && fileName.toLowerCase().endsWith(".xlsx") ? DeclarationChannel.XLSX
                : DeclarationChannel.CSV;
    }

    /** The lines of the file; a line with another number of columns than four has {@code null} where it has none. */
    static List<Read> read(DeclarationChannel channel, byte[] bytes) {
        return channel == DeclarationChannel.XLSX ? xlsx(bytes) : csv(bytes);
    }

    /** A line read: its values, and how many columns it had. */
    record Read(DeclaredLine line, int columns) {
    }

    private static List<Read> csv(byte[] bytes) {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Read> out = new ArrayList<>();
        CsvLineNumbers lines = new CsvLineNumbers(text);
        int n = 0;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : parser) {
                n = lines.lineAt(rec.getCharacterPosition());
                List<String> values = new ArrayList<>();
                rec.forEach(values::add);
                add(out, n, values);
            }
        } catch (IOException | UncheckedIOException e) {
            // an unclosed quote: the parser cannot tell where the line ends
            throw new InvalidInputException(List.of(Declarations.lineViolation(n + 1, "file",
                    FieldViolation.of("file", "error.declaration.quote"))));
        }
        return out;
    }

    /** UTF-8 when the bytes are UTF-8, else GB18030 (a CSV saved by Excel on Chinese Windows). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static List<Read> xlsx(byte[] bytes) {
        List<Read> out = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() == 0) {
                return out;
            }
            Sheet sheet = wb.getSheetAt(0);
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int c = 0; c < last; c++) {
                    values.add(text(row.getCell(c), c, formatter));
                }
                while (!values.isEmpty() && values.get(values.size() - 1).isBlank()) {
                    values.remove(values.size() - 1);
                }
                add(out, row.getRowNum() + 1, values);
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // not a workbook (or a damaged one, or one POI refuses as a zip bomb)
            throw InvalidInputException.of("file", "error.declaration.file");
        }
        return out;
    }

    /** A cell as the user meant it: a date cell in the period column as its month, a number without Excel's format. */
    private static String text(Cell cell, int column, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (column == 2 && DateUtil.isCellDateFormatted(cell)) {
                return YearMonth.from(cell.getDateCellValue().toInstant().atZone(ZoneId.systemDefault())).toString();
            }
            return new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static void add(List<Read> out, int line, List<String> values) {
        if (values.stream().allMatch(v -> v == null || v.isBlank())) {
            return;
        }
        String first = values.get(0) == null ? "" : values.get(0).strip();
        if (out.isEmpty() && !first.isEmpty() && !Character.isDigit(first.charAt(0)) && line <= 1) {
            return; // the header
        }
        if (out.size() >= Declarations.MAX_LINES) { // stop reading: the whole file is refused anyway
            throw InvalidInputException.of("file", "error.declaration.tooMany", Declarations.MAX_LINES);
        }
        out.add(new Read(new DeclaredLine(line, value(values, 0), value(values, 1), value(values, 2),
                value(values, 3)), values.size()));
    }

    private static String value(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }
}
