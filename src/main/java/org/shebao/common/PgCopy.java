package org.shebao.common;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
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
    private static final int FLUSH_AT = (1 << 20) - 4096;

    private PgCopy() {
    }

    /** Where a writer's full buffers go: the COPY itself, or a list kept for it. */
    private interface Sink {
        void write(byte[] bytes) throws SQLException;
    }

    /** Writes one row's columns; call {@link #endRow()} after the last column. */
    public static final class RowWriter {
        private final StringBuilder buf = new StringBuilder(1 << 20);
        private final Sink sink;
        private boolean first = true;
        private long rows;

        private RowWriter(Sink sink) {
            this.sink = sink;
        }

        /** A number needs no escaping. */
        public RowWriter col(long value) {
            if (!first) {
                buf.append('\t');
            }
            first = false;
            buf.append(value);
            return this;
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
            if (buf.length() > FLUSH_AT) {
                flush();
            }
        }

        private void flush() {
            if (buf.isEmpty()) {
                return;
            }
            byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
            try {
                sink.write(bytes);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
            buf.setLength(0);
        }
    }

    /**
     * A table's COPY: its name, the columns written and how one row is written (its columns, without
     * {@link RowWriter#endRow()}).
     */
    public record Target<R>(String table, String columns, BiConsumer<RowWriter, R> format) {
        String sql() {
            return "COPY " + table + " (" + columns + ") FROM STDIN";
        }
    }

    /** The rows of one numbered chunk, given to {@code out} in order. */
    @FunctionalInterface
    public interface ChunkSource<R> {
        void rows(int chunk, Consumer<R> out);
    }

    /**
     * Runs {@code COPY table (columns) FROM STDIN} on the transaction's connection (or a new one) and returns the
     * number of rows written.
     */
    public static long copy(DataSource dataSource, String table, String columns, Consumer<RowWriter> rows) {
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            return copy(con, "COPY " + table + " (" + columns + ") FROM STDIN", rows);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(con, dataSource);
        }
    }

    /** The same with a {@link Target}: {@code rows} gives the rows to a consumer. */
    public static <R> long copy(DataSource dataSource, Target<R> target, Consumer<Consumer<R>> rows) {
        return copy(dataSource, target.table(), target.columns(), w -> rows.accept(r -> {
            target.format().accept(w, r);
            w.endRow();
        }));
    }

    private static long copy(Connection con, String sql, Consumer<RowWriter> rows) throws SQLException {
        CopyIn in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        RowWriter w = new RowWriter(bytes -> in.writeToCopy(bytes, 0, bytes.length));
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
    }

    /** A chunk's rows as COPY text, ready to send. */
    private record Chunk(List<byte[]> bytes, long rows) {
    }

    /**
     * COPY on the given connection (in its transaction) of rows generated in {@code chunks} numbered chunks by the
     * {@code workers}, a few chunks ahead of the COPY: generating the rows and formatting them (the Java side) runs on
     * other threads while the connection's thread only sends them, in chunk order, so the rows arrive in the same
     * order as from one thread. Returns the number of rows written; a failure cancels the COPY.
     */
    public static <R> long copyChunks(Connection con, Target<R> target, int chunks, ChunkSource<R> source,
                                      ExecutorService workers, int ahead) {
        Deque<Future<Chunk>> pending = new ArrayDeque<>();
        CopyIn in = null;
        long rows = 0;
        try {
            in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(target.sql());
            int next = 0;
            while (next < chunks || !pending.isEmpty()) {
                while (next < chunks && pending.size() < ahead) {
                    int chunk = next++;
                    pending.add(workers.submit(() -> format(target, chunk, source)));
                }
                Chunk c = pending.poll().get();
                for (byte[] b : c.bytes()) {
                    in.writeToCopy(b, 0, b.length);
                }
                rows += c.rows();
            }
            in.endCopy();
            return rows;
        } catch (SQLException | ExecutionException | InterruptedException | RuntimeException e) {
            pending.forEach(f -> f.cancel(true));
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException r && !(cause instanceof CancellationException)) {
                throw r;
            }
            throw new IllegalStateException("COPY into " + target.table() + " failed: " + cause.getMessage(), cause);
        }
    }

    private static <R> Chunk format(Target<R> target, int chunk, ChunkSource<R> source) {
        List<byte[]> out = new ArrayList<>();
        RowWriter w = new RowWriter(out::add);
        source.rows(chunk, r -> {
            target.format().accept(w, r);
            w.endRow();
        });
        w.flush();
        return new Chunk(out, w.rows);
    }
}
