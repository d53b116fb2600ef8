package org.shebao.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;

/**
 * After every migration, as the owner, gives the application's role exactly what it needs (issue 10, item 3):
 * rows of every table to read and write, except that the append-only tables (histories, the electronic archive,
 * the ledger, the operation log) take new rows only; sequences to draw from; the migration history to read. The
 * role owns nothing, so it cannot ALTER, DROP or TRUNCATE, nor disable the append-only triggers, nor create tables.
 * Since PostgreSQL 17 it may ANALYZE after a bulk load (MAINTAIN), on the tables it may change.
 */
final class DatabaseGrants implements Callback {
    private static final Logger log = LoggerFactory.getLogger(DatabaseGrants.class);

    /** Tables that only ever receive rows: their history is the record (audited by the triggers too). */
    static final List<String> APPEND_ONLY = List.of("audit_log", "ledger_journal", "ledger_line",
            "casework_archive", "casework_history", "registry_change", "policy_emergency_change", "workinjury_history",
            "unemployment_claim_history", "workinjury_award", "workinjury_award_order", "casework_certificate",
            "casework_certificate_revocation", "resident_contribution", "resident_pension_history",
            "recovery_step");

    private final DatabaseOwner owner;

    DatabaseGrants(DatabaseOwner owner) {
        this.owner = owner;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "shebao-grants";
    }

    @Override
    public void handle(Event event, Context context) {
        if (!owner.separated()) {
            log.warn("The application connects as the schema's owner ({}): least privilege is not in force. Set "
                    + "SHEBAO_DB_OWNER_USER for migrations and SHEBAO_DB_USER for a role of its own (README).", owner.role());
            return;
        }
        try {
            grant(context.getConnection(), owner.appRole());
        } catch (SQLException e) {
            throw new IllegalStateException("could not grant the application's role its privileges: " + e.getMessage(), e);
        }
    }

    static void grant(Connection c, String app) throws SQLException {
        String role = quote(app);
        try (Statement s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA " + schema(c) + " TO " + role);
            s.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + schema(c) + " FROM " + role);
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema(c) + " TO " + role);
            for (String t : APPEND_ONLY) {
                if (exists(c, t)) {
                    s.execute("REVOKE UPDATE, DELETE ON " + t + " FROM " + role);
                }
            }
            s.execute("REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM " + role);
            s.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA " + schema(c) + " TO " + role);
            if (c.getMetaData().getDatabaseMajorVersion() >= 17) {
                try (var rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                        + " AND tablename <> 'flyway_schema_history'")) {
                    List<String> tables = new ArrayList<>();
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                    tables.removeAll(APPEND_ONLY);
                    for (String t : tables) {
                        s.execute("GRANT MAINTAIN ON " + t + " TO " + role);
                    }
                }
            }
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (var ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String schema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT quote_ident(current_schema())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
