package org.shebao.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import java.io.ByteArrayInputStream;

/**
 * Backup and restore of the platform's database, embedded or external (issue 10): every table of the schema copied
 * out in PostgreSQL's binary COPY format into one zip with a manifest (the migration version and the tables), and
 * copied back into a database migrated to the same version, all in one transaction: the target's rows are replaced,
 * triggers (append-only guards, the audit chain) do not run while the saved rows go back exactly as they were, and
 * sequences continue after the restored ids. Uses the server's own COPY, so it needs no pg_dump of a matching version.
 */
public final class Backups {
    private Backups() {
    }

    /** Writes a backup of the database to {@code out}. Returns the tables and their row counts. */
    public static Map<String, Long> backup(DataSource ds, OutputStream out) throws SQLException, IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); ZipOutputStream zip = new ZipOutputStream(out)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); // one consistent snapshot
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<String> tables = tables(c);
            for (String t : tables) {
                zip.putNextEntry(new ZipEntry("tables/" + t + ".copy"));
                counts.put(t, copy.copyOut("COPY " + t + " TO STDOUT (FORMAT binary)", zip));
                zip.closeEntry();
            }
            Properties manifest = new Properties();
            manifest.setProperty("migration", migration(c));
            manifest.setProperty("tables", String.join(",", tables));
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            manifest.store(zip, "Shebao backup");
            zip.closeEntry();
            c.commit();
        }
        return counts;
    }

    /**
     * Restores a backup into a database migrated to the same version (refused otherwise, changing nothing). Returns
     * the tables and their row counts as restored.
     */
    public static Map<String, Long> restore(DataSource ds, InputStream in) throws SQLException, IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        if (!entries.containsKey("manifest.properties")) {
            throw new IllegalArgumentException("not a Shebao backup: no manifest.properties");
        }
        Properties manifest = new Properties();
        manifest.load(new ByteArrayInputStream(entries.get("manifest.properties")));
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            String here = migration(c);
            if (!here.equals(manifest.getProperty("migration"))) {
                throw new IllegalArgumentException("the backup is of migration " + manifest.getProperty("migration")
                        + ", this database of " + here + ": restore into a platform of the same version");
            }
            List<String> tables = parentsFirst(c, List.of(manifest.getProperty("tables").split(",")));
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (Statement s = c.createStatement()) {
                // the owner's own triggers (append-only guards, the audit chain) stay out of the way while the saved
                // rows go back as they were; foreign keys are checked, so parents are loaded first
                for (String t : tables(c)) {
                    s.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER");
                }
                s.execute("TRUNCATE " + String.join(", ", tables(c)));
            }
            for (String t : tables) {
                byte[] data = entries.get("tables/" + t + ".copy");
                if (data == null) {
                    throw new IllegalArgumentException("the backup lacks table " + t);
                }
                counts.put(t, copy.copyIn("COPY " + t + " FROM STDIN (FORMAT binary)", new ByteArrayInputStream(data)));
            }
            resetSequences(c);
            try (Statement s = c.createStatement()) {
                for (String t : tables(c)) {
                    s.execute("ALTER TABLE " + t + " ENABLE TRIGGER USER");
                }
            }
            c.commit();
        }
        return counts;
    }

    /** The tables ordered so that a table comes after every table its foreign keys point to. */
    private static List<String> parentsFirst(Connection c, List<String> tables) throws SQLException {
        Map<String, List<String>> parents = new LinkedHashMap<>();
        tables.forEach(t -> parents.put(t, new ArrayList<>()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT child.relname, parent.relname FROM pg_constraint k
                  JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
                  JOIN pg_namespace n ON n.oid = child.relnamespace
                 WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid""")) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> out = new ArrayList<>();
        while (out.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!out.contains(t) && out.containsAll(parents.get(t).stream().filter(parents::containsKey).toList())) {
                    out.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys form a cycle among " + tables);
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String migration(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COALESCE(max(installed_rank), 0) || ':' || COALESCE((SELECT version FROM flyway_schema_history"
                        + " WHERE success ORDER BY installed_rank DESC LIMIT 1), '') FROM flyway_schema_history WHERE success")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every sequence owned by a column continues after the largest value restored. */
    private static void resetSequences(Connection c) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT seq.relname, tab.relname, col.attname FROM pg_class seq
                  JOIN pg_depend d ON d.objid = seq.oid AND d.deptype = 'a'
                  JOIN pg_class tab ON tab.oid = d.refobjid
                  JOIN pg_attribute col ON col.attrelid = tab.oid AND col.attnum = d.refobjsubid
                  JOIN pg_namespace n ON n.oid = seq.relnamespace
                 WHERE seq.relkind = 'S' AND n.nspname = current_schema()""")) {
            while (rs.next()) {
                owned.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Statement s = c.createStatement()) {
            for (String[] o : owned) {
                s.execute("SELECT setval('" + o[0] + "', COALESCE((SELECT max(" + o[2] + ") FROM " + o[1] + "), 0) + 1, false)");
            }
        }
    }

    static String describe(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum() + " rows in " + counts.size() + " tables";
    }
}
