package org.shebao.demo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The baseline of the demo-load benchmark: the rows just generated are copied out, then timed while COPY loads
 * them into empty tables without indexes or constraints, in the same run and on the same database.
 */
final class LoadBenchmark {
    private LoadBenchmark() {
    }

    static double rawCopySeconds(DataSource ds, long firstPersonId) throws Exception {
        String[][] tables = {
                {"registry_person", "id >= " + firstPersonId},
                {"registry_enrollment", "person_id >= " + firstPersonId},
                {"contribution_year", "person_id >= " + firstPersonId}};
        long nanos = 0;
        try (Connection con = ds.getConnection(); Statement st = con.createStatement()) {
            CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
            for (String[] t : tables) {
                ByteArrayOutputStream rows = new ByteArrayOutputStream();
                copy.copyOut("COPY (SELECT * FROM " + t[0] + " WHERE " + t[1] + ") TO STDOUT", rows);
                st.execute("DROP TABLE IF EXISTS bench_" + t[0]);
                st.execute("CREATE TABLE bench_" + t[0] + " (LIKE " + t[0] + ")");
                long t0 = System.nanoTime();
                copy.copyIn("COPY bench_" + t[0] + " FROM STDIN", new ByteArrayInputStream(rows.toByteArray()));
                nanos += System.nanoTime() - t0;
                st.execute("DROP TABLE bench_" + t[0]);
            }
        }
        return nanos / 1e9;
    }
}
