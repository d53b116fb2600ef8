package org.shebao.common;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Bulk loading through PostgreSQL {@code COPY ... FROM STDIN} (text format), for hundreds of thousands of rows
 * per second. Rows are buffered and sent in chunks of about 1 MiB.
 */
public final class PgCopy {
    private PgCopy() {
    }

    /** Writes one row's columns; call {@link #endRow()} after the last column. */
    public static final class RowWriter {
        private final StringBuilder buf = new StringBuilder(1 << 20);
        private final CopyIn copy;
        private boolean first = true;
        private long rows;

        private RowWriter(CopyIn copy) {
            this.copy = copy;
        }

        public RowWriter col(Object value) {
            if (!first) {
                buf.append('\t');
            }
            first = false;
            if (value == null) {
                buf.append("\\N");
            } else {
                String s = value instanceof LocalDate d ? d.toString() : value.toString();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    switch (c) {
                        case '\\' -> buf.append("\\\\");
                        case '\t' -> buf.append("\\t");
                        case '\n' -> buf.append("\\n");
                        case '\r' -> buf.append("\\r");
                        default -> buf.append(c);
                    }
                }
            }
            return this;
        }

        public void endRow() {
            buf.append('\n');
            first = true;
            rows++;
            if (buf.length() > (1 << 20) - 4096) {
                flush();
            }
        }

        private void flush() {
            if (buf.isEmpty()) {
                return;
            }
            byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
            buf.setLength(0);
        }
    }

    /**
     * Runs {@code COPY table (columns) FROM STDIN} on the transaction's connection (or a new one) and returns the
     * number of rows written.
     */
    public static long copy(DataSource dataSource, String table, String columns, Consumer<RowWriter> rows) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = con.unwrap(PGConnection.class);
            CopyIn in = pg.getCopyAPI().copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
            RowWriter w = new RowWriter(in);
            try {
                rows.accept(w);
                w.flush();
                in.endCopy();
            } catch (RuntimeException e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                throw e;
            }
            return w.rows;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }
}
