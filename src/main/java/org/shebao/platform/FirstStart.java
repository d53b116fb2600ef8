package org.shebao.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Start-up work that fills an empty database (the bootstrap administrator, the demo data) is done by one node when
 * several start at once: each takes this lock inside its transaction, then looks again whether the work is still to
 * do. The lock is PostgreSQL's transaction-level advisory lock, released at commit or rollback (or when a node dies).
 */
public final class FirstStart {
    private FirstStart() {
    }

    /** Waits until no other node is filling the database, within the caller's transaction. */
    public static void lock(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('shebao:first-start'))").query().singleRow();
    }
}
