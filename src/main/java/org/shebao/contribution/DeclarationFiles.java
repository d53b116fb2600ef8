package org.shebao.contribution;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.UploadedRows;

/**
 * Reads an uploaded declaration into {@link DeclaredLine}s, numbered as the user sees them ({@link UploadedRows}: an
 * Excel workbook, the agency's template, or CSV in UTF-8 or GB18030). Columns: ID number, name, period, wage base; a
 * date cell in the period column is its month. A first line that does not begin with a digit is the header; blank
 * lines are skipped. A file that cannot be read at all is refused as a whole; a line with the wrong number of columns
 * is returned with the columns it has, for the service to name.
 */
final class DeclarationFiles {
    static final int COLUMNS = 4;

    private DeclarationFiles() {
    }

    static DeclarationChannel channelOf(String fileName, byte[] bytes) {
        return UploadedRows.isXlsx(fileName, bytes) ? DeclarationChannel.XLSX : DeclarationChannel.CSV;
    }

    /** The lines of the file; a line with another number of columns than four has {@code null} where it has none. */
    static List<Read> read(DeclarationChannel channel, byte[] bytes) {
        List<UploadedRows.Line> rows;
        try {
            rows = UploadedRows.read(channel == DeclarationChannel.XLSX, bytes,
                    (column, day) -> column == 2 ? YearMonth.from(day).toString() : null, Declarations.MAX_LINES + 1);
        } catch (UploadedRows.Unreadable e) {
            throw e.quote() ? new InvalidInputException(List.of(Declarations.lineViolation(e.line(), "file",
                    FieldViolation.of("file", "error.declaration.quote"))))
                    : InvalidInputException.of("file", "error.declaration.file");
        } catch (UploadedRows.TooMany e) {
            throw InvalidInputException.of("file", "error.declaration.tooMany", Declarations.MAX_LINES);
        }
        List<Read> out = new ArrayList<>();
        for (UploadedRows.Line r : rows) {
            String first = r.value(0) == null ? "" : r.value(0).strip();
            if (out.isEmpty() && !first.isEmpty() && !Character.isDigit(first.charAt(0)) && r.line() <= 1) {
                continue; // the header
            }
            if (out.size() >= Declarations.MAX_LINES) { // the whole file is refused anyway
                throw InvalidInputException.of("file", "error.declaration.tooMany", Declarations.MAX_LINES);
            }
            out.add(new Read(new DeclaredLine(r.line(), r.value(0), r.value(1), r.value(2), r.value(3)),
                    r.values().size()));
        }
        return out;
    }

    /** A line read: its values, and how many columns it had. */
    record Read(DeclaredLine line, int columns) {
    }

    /** UTF-8 when the bytes are UTF-8, else GB18030 (a CSV saved by Excel on Chinese Windows). */
    static String decode(byte[] bytes) {
        return UploadedRows.decode(bytes);
    }
}
