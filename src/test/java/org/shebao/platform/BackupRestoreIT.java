package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Backup and restore (issue 10, item 2): a backup restored into a fresh database gives back every row. */
@ShebaoIntegrationTest
@DisplayName("Backup and restore: every table's rows, the fund books and the operation log's chain come back as they were")
class BackupRestoreIT {
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseOwner owner;

    /** Per table: its row count and a digest of its rows, so that a restore that changes anything is seen. */
    private static Map<String, String> fingerprint(JdbcClient db) {
        Map<String, String> out = new TreeMap<>();
        for (String t : db.sql("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <>"
                + " 'flyway_schema_history'").query(String.class).list()) {
            out.put(t, db.sql("SELECT count(*) || ' ' || COALESCE(md5(string_agg(x::text, '|' ORDER BY x::text)), '')"
                    + " FROM " + t + " x").query(String.class).single());
        }
        return out;
    }


    @Test
    @DisplayName("backup of the running database, restore into a database migrated to the same version: the same "
            + "rows in every table, the same trial balance, the operation log's chain holds; a backup refused "
            + "by a database of another version changes nothing")
    void roundTrip() throws Exception {
        ByteArrayOutputStream backup = new ByteArrayOutputStream();
        Map<String, Long> written = Backups.backup(dataSource, backup);
        assertThat(written).containsKeys("registry_person", "ledger_line", "audit_log", "payroll_line");
        Map<String, String> before = fingerprint(jdbc);

        DataSource target = FreshDatabases.create(owner, "shebao_restore_check");
        Flyway.configure().dataSource(target).locations("classpath:db/migration").load().migrate();
        Backups.restore(target, new ByteArrayInputStream(backup.toByteArray()));
        JdbcClient restored = JdbcClient.create(target);
        assertThat(fingerprint(restored)).isEqualTo(before);
        assertThat(restored.sql("SELECT count(*) FROM audit_log WHERE hash <> audit_log_digest(prev_hash, seq, at, actor, ip,"
                + " action, target, detail)").query(Integer.class).single()).as("the chain holds after a restore").isZero();
        // the append-only guards are back on after the restore
        assertThat(restored.sql("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")
                .query(Integer.class).single()).as("no trigger left disabled").isZero();
        assertThatThrownBy(() -> restored.sql("UPDATE audit_log SET detail = 'x'").update()).hasMessageContaining("append-only");
        // a new row continues the ids
        long maxId = restored.sql("SELECT COALESCE(max(id), 0) FROM registry_person").query(Long.class).single();
        assertThat(restored.sql("SELECT nextval(pg_get_serial_sequence('registry_person', 'id'))").query(Long.class).single())
                .isGreaterThan(maxId);

        DataSource older = FreshDatabases.create(owner, "shebao_restore_old");
        Flyway.configure().dataSource(older).locations("classpath:db/migration").target("5.1").load().migrate();
        assertThatThrownBy(() -> Backups.restore(older, new ByteArrayInputStream(backup.toByteArray())))
                .hasMessageContaining("same version");
        assertThat(JdbcClient.create(older).sql("SELECT count(*) FROM registry_person").query(Integer.class).single()).isZero();
        assertThat(List.of(written.size())).isNotEmpty();
    }
}
