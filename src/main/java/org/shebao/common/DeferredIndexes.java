package org.shebao.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Index builds put off until after a bulk load, inside the load's transaction: the tables' secondary indexes,
 * their primary-key and unique constraints (unless a foreign key refers to them) and their foreign keys are dropped
 * before the rows are copied in and {@linkplain #restore() made again} afterwards, by sorting once instead of
 * inserting row by row, and each foreign key checked by one join instead of a look-up per row. They are made with
 * their catalog definitions ({@code pg_get_indexdef}, {@code pg_get_constraintdef}), under the same names; a
 * duplicate or a dangling reference fails the restore and the transaction, as it would have failed the insert.
 * <p>
 * DDL: the connection must be the tables' owner's and in a transaction (not auto-commit), and the dropped indexes
 * take an {@code ACCESS EXCLUSIVE} lock on each table until the transaction ends: other sessions wait for it even to
 * read those tables. A rollback brings everything back as it was. Worth it when the rows loaded are about as many as
 * the tables hold already or more; for a few rows into a big table the row-by-row upkeep costs less.
 */
public final class DeferredIndexes {
    private final Connection con;
    private final List<String> constraints = new ArrayList<>();
    private final List<String> indexes = new ArrayList<>();
    private final List<String> foreignKeys = new ArrayList<>();
    private boolean restored;

    private DeferredIndexes(Connection con) {
        this.con = con;
    }

    /** Drops the tables' deferrable indexes and constraints (see the class), remembering how to make them again. */
    public static DeferredIndexes drop(Connection con, String... tables) throws SQLException {
        if (con.getAutoCommit()) {
            throw new IllegalStateException("indexes are dropped for a load only inside its transaction");
        }
        DeferredIndexes d = new DeferredIndexes(con);
        List<String> drops = new ArrayList<>();
        for (String table : tables) {
            // primary keys and unique constraints that no foreign key depends on
            query(con, """
                    SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
                           'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname)
                               || ' ' || pg_get_constraintdef(c.oid)
                      FROM pg_constraint c
                     WHERE c.conrelid = ?::regclass AND c.contype IN ('p', 'u')
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)
                     ORDER BY c.conname""", table, drops, d.constraints);
            // indexes of no constraint
            query(con, """
                    SELECT 'DROP INDEX ' || i.indexrelid::regclass, pg_get_indexdef(i.indexrelid)
                      FROM pg_index i
                     WHERE i.indrelid = ?::regclass
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                                     AND c.conrelid = i.indrelid)
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
                     ORDER BY i.indexrelid::regclass::text""", table, drops, d.indexes);
            // the table's own foreign keys
            query(con, """
                    SELECT 'ALTER TABLE ' || c.conrelid::regclass || ' DROP CONSTRAINT ' || quote_ident(c.conname),
                           'ALTER TABLE ' || c.conrelid::regclass || ' ADD CONSTRAINT ' || quote_ident(c.conname)
                               || ' ' || pg_get_constraintdef(c.oid)
                      FROM pg_constraint c
                     WHERE c.conrelid = ?::regclass AND c.contype = 'f'
                     ORDER BY c.conname""", table, drops, d.foreignKeys);
        }
        try (Statement st = con.createStatement()) {
            for (String sql : drops) {
                st.execute(sql);
            }
        }
        return d;
    }

    /** Makes the dropped constraints and indexes again: unique ones first, then the others, then foreign keys. */
    public void restore() throws SQLException {
        if (restored) {
            throw new IllegalStateException("already restored");
        }
        restored = true;
        try (Statement st = con.createStatement()) {
            for (List<String> group : List.of(constraints, indexes, foreignKeys)) {
                for (String sql : group) {
                    st.execute(sql);
                }
            }
        }
    }

    /** The statements that {@link #restore()} runs, in order. */
    public List<String> statements() {
        List<String> all = new ArrayList<>(constraints);
        all.addAll(indexes);
        all.addAll(foreignKeys);
        return all;
    }

    private static void query(Connection con, String sql, String table, List<String> drops, List<String> creates)
            throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    drops.add(rs.getString(1));
                    creates.add(rs.getString(2));
                }
            }
        }
    }
}
