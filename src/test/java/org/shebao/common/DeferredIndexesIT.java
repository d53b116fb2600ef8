package org.shebao.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.platform.DatabaseOwner;
import org.springframework.beans.factory.annotation.Autowired;

@ShebaoIntegrationTest
@DisplayName("Indexes made after a bulk load (DeferredIndexes)")
class DeferredIndexesIT {
    @Autowired
    DatabaseOwner owner;

    private static final String CATALOG = """
            SELECT pg_get_indexdef(indexrelid) || ' ' || indisvalid FROM pg_index
             WHERE indrelid IN ('di_parent'::regclass, 'di_child'::regclass)
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
              FROM pg_constraint WHERE conrelid IN ('di_parent'::regclass, 'di_child'::regclass)
             ORDER BY 1""";

    @Test
    @DisplayName("dropped before the rows, made again after with the same definitions; a duplicate or a dangling "
            + "reference fails the restore and the rollback brings the indexes back")
    void dropLoadRestore() throws SQLException {
        try (Connection con = owner.dataSource().getConnection(); Statement st = con.createStatement()) {
            st.execute("DROP TABLE IF EXISTS di_child, di_parent");
            st.execute("CREATE TABLE di_parent (id BIGINT PRIMARY KEY, code TEXT NOT NULL UNIQUE)");
            st.execute("CREATE TABLE di_child (id BIGSERIAL PRIMARY KEY, parent_id BIGINT NOT NULL REFERENCES di_parent (id),"
                    + " k INT NOT NULL, open BOOLEAN NOT NULL, CHECK (k >= 0))");
            st.execute("CREATE UNIQUE INDEX di_child_open_key ON di_child (parent_id) WHERE open");
            st.execute("CREATE INDEX di_child_k_idx ON di_child (k DESC)");
            st.execute("INSERT INTO di_parent VALUES (1, 'a'), (2, 'b')");
            List<String> before = rows(st, CATALOG);

            con.setAutoCommit(false);
            DeferredIndexes d = DeferredIndexes.drop(con, "di_parent", "di_child");
            // di_parent's key stays (a foreign key refers to it); everything of di_child but its checks goes
            assertThat(rows(st, "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'di_child'::regclass"))
                    .isEmpty();
            assertThat(rows(st, "SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'di_parent'::regclass"))
                    .containsExactly("di_parent_pkey");
            st.execute("INSERT INTO di_parent SELECT g, 'c' || g FROM generate_series(3, 1000) g");
            st.execute("INSERT INTO di_child (parent_id, k, open) SELECT g, g, g % 2 = 0 FROM generate_series(1, 1000) g");
            d.restore();
            con.commit();
            assertThat(rows(st, CATALOG)).isEqualTo(before);

            // a duplicate unique value loaded while the index is away: the restore fails, the rollback keeps the old state
            d = DeferredIndexes.drop(con, "di_parent", "di_child");
            st.execute("INSERT INTO di_parent VALUES (1001, 'a')");
            assertThatThrownBy(d::restore).isInstanceOf(SQLException.class).hasMessageContaining("di_parent_code_key");
            con.rollback();
            assertThat(rows(st, CATALOG)).isEqualTo(before);

            // a child without its parent: the foreign key made again refuses it
            d = DeferredIndexes.drop(con, "di_child");
            st.execute("INSERT INTO di_child (parent_id, k, open) VALUES (99999, 1, false)");
            assertThatThrownBy(d::restore).isInstanceOf(SQLException.class).hasMessageContaining("di_child_parent_id_fkey");
            con.rollback();
            assertThat(rows(st, CATALOG)).isEqualTo(before);
            assertThat(rows(st, "SELECT count(*)::text FROM di_child")).containsExactly("1000");
            con.setAutoCommit(true);
            st.execute("DROP TABLE di_child, di_parent");
        }
    }

    private static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
