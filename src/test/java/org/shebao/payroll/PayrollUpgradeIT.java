package org.shebao.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.platform.DatabaseOwner;
import org.shebao.platform.FreshDatabases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Upgrading to chunked runs (V6_8) while a run is under way: the run left by the previous version continues from its
 * progress marker, and a completed run keeps its count.
 */
@ShebaoIntegrationTest
@DisplayName("Upgrade to V6_8 during a payroll run: what was done stays done and counted, the rest is cut into chunks")
class PayrollUpgradeIT {
    @Autowired
    DatabaseOwner owner;

    @Test
    @DisplayName("a RUNNING run with 100 of 250 orders done: one done chunk with its 100 orders and the totals of its "
            + "lines, then chunks covering exactly the orders after its marker; a COMPLETED run keeps its 250")
    void runningRunContinues() throws Exception {
        DataSource db = FreshDatabases.create(owner, "shebao_payroll_upgrade");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").target(MigrationVersion.fromVersion("6.7"))
                .load().migrate();
        JdbcClient sql = JdbcClient.create(db);
        sql.sql("""
                INSERT INTO payroll_order (person_id, region_code, benefit, kind, monthly_amount, from_month,
                       certified_until, bank_account, account_name)
                SELECT 5000 + g, '350100', 'PENSION', 'REGULAR', 1000.00 + g, DATE '2019-01-01', DATE '2040-12-31',
                       '6222' || g, '受益人' FROM generate_series(1, 250) g""").update();
        long marker = sql.sql("SELECT id FROM payroll_order ORDER BY id OFFSET 99 LIMIT 1").query(Long.class).single();
        long last = sql.sql("SELECT max(id) FROM payroll_order").query(Long.class).single();
        long running = sql.sql("""
                INSERT INTO payroll_run (region_code, month, status, orders_total, done_upto, orders_done, owner, heartbeat,
                                         started_by, started_at)
                VALUES ('350100', DATE '2024-01-01', 'RUNNING', 250, :marker, 100, 'old-node', now(), 'fz.finance', now())
                RETURNING id""").param("marker", marker).query(Long.class).single();
        sql.sql("""
                INSERT INTO payroll_line (run_id, order_id, person_id, kind, amount, flags, bank_account, account_name)
                SELECT :run, id, person_id, kind, monthly_amount, '', bank_account, account_name FROM payroll_order
                 WHERE id <= :marker""").param("run", running).param("marker", marker).update();
        long completed = sql.sql("""
                INSERT INTO payroll_run (region_code, month, status, orders_total, done_upto, orders_done, started_by,
                                         started_at, finished_at)
                VALUES ('350100', DATE '2023-12-01', 'COMPLETED', 250, :last, 250, 'fz.finance', now(), now())
                RETURNING id""").param("last", last).query(Long.class).single();

        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

        assertThat(sql.sql("SELECT orders || ' ' || lines FROM payroll_chunk WHERE run_id = :r AND done_at IS NOT NULL")
                .param("r", running).query(String.class).list()).containsExactly("100 100");
        assertThat(sql.sql("SELECT kind || ' ' || lines || ' ' || amount FROM payroll_chunk_total WHERE run_id = :r")
                .param("r", running).query(String.class).list())
                .containsExactly("REGULAR 100 " + sql.sql("SELECT sum(amount) FROM payroll_line WHERE run_id = :r")
                        .param("r", running).query(String.class).single());
        List<String> open = sql.sql("SELECT after_id || '-' || upto_id FROM payroll_chunk WHERE run_id = :r AND done_at IS NULL")
                .param("r", running).query(String.class).list();
        assertThat(open).as("the orders after the marker, once").containsExactly(marker + "-" + last);
        assertThat(sql.sql("SELECT sum(orders) FROM payroll_chunk WHERE run_id = :r").param("r", completed)
                .query(Long.class).single()).isEqualTo(250);
    }

}
