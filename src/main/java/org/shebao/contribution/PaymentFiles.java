package org.shebao.contribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.shebao.common.CsvLineNumbers;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;

/**
 * Reads a payment file of the tax/bank collection channel (CSV, Commons CSV; UTF-8 with or without a BOM, or
 * GB18030), numbered as an editor shows its lines. Layout, one payment per line (docs/payment-file.md):
 * <pre>
 * 缴费流水号,统一社会信用代码,费款所属期,缴费金额（元）,缴费日期
 * SW2020042000001,91350100MA2Y000015,2020-03,1234.56,2020-04-20
 * </pre>
 * The first line is the header when its amount column is not a number; blank lines are skipped. A line with another
 * number of columns is returned with the columns it has, for the service to name.
 */
final class PaymentFiles {
    static final int COLUMNS = 5;
    /** The most lines one file may hold. */
    static final int MAX_LINES = 10_000;

    private PaymentFiles() {
    }

    /** One line as read: its number and values (null where the line has no such column), and its column count. */
    record Line(int line, String reference, String creditCode, String month, String amount, String paidOn,
                int columns) {
    }

    static List<Line> read(byte[] bytes) {
        String text = DeclarationFiles.decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> out = new ArrayList<>();
        CsvLineNumbers lines = new CsvLineNumbers(text);
        int n = 0;
        boolean first = true;
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            for (CSVRecord rec : parser) {
                n = lines.lineAt(rec.getCharacterPosition());
                List<String> v = new ArrayList<>();
                rec.forEach(v::add);
                if (v.stream().allMatch(s -> s == null || s.isBlank())) {
                    continue;
                }
                boolean header = first && (v.size() < 4 || !v.get(3).strip().matches("[0-9.,，]+"));
                first = false;
                if (header) {
                    continue;
                }
                if (out.size() >= MAX_LINES) {
                    throw InvalidInputException.of("file", "error.payment.tooMany", MAX_LINES);
                }
                out.add(new Line(n, value(v, 0), value(v, 1), value(v, 2), value(v, 3), value(v, 4), v.size()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException(List.of(Declarations.lineViolation(n + 1, "file",
                    FieldViolation.of("file", "error.declaration.quote"))));
        }
        return out;
    }

    private static String value(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }
}
