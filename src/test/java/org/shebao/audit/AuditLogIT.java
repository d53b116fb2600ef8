package org.shebao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.YearMonth;
import java.util.Base64;
import org.shebao.common.RegionCode;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.payroll.Payroll;
import org.shebao.payroll.PayrollRun;
import org.shebao.platform.DatabaseOwner;
import org.shebao.registry.Persons;

@ShebaoIntegrationTest
@DisplayName("Operation log: a hash chain that is append-only, holds under parallel writers, and shows where it was tampered with")
class AuditLogIT {
    @Autowired
    ApiClient api;
    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseOwner owner;
    @Autowired
    Users users;
    @Autowired
    Persons persons;
    @Autowired
    Payroll payroll;

    private long lastSeq() {
        return jdbc.sql("SELECT COALESCE(max(seq), 0) FROM audit_log").query(Long.class).single();
    }

    @Test
    @DisplayName("20 parallel writers: every row chained, seq without gaps, the chain holds")
    void parallelWriters() throws Exception {
        long before = log.count();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                go.await();
                log.record("test", AuditAction.CASE_STEP, "case:" + n, "parallel " + n);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(log.count()).isEqualTo(before + 20);
        assertThat(jdbc.sql("SELECT max(seq) - min(seq) + 1 = count(*) FROM audit_log").query(Boolean.class).single()).isTrue();
        assertThat(log.verify()).isEmpty();
    }

    @Test
    @DisplayName("the application cannot change or remove a row; an edit made behind its back (as the database owner, "
            + "triggers disabled) is reported at that row, a removed row at the one after it")
    void tamperIsFound() {
        log.record("test", AuditAction.DATA_IMPORTED, "file:a.csv", "12 lines");
        log.record("test", AuditAction.DATA_IMPORTED, "file:b.csv", "3 lines");
        log.record("test", AuditAction.DATA_IMPORTED, "file:c.csv", "7 lines");
        long b = lastSeq() - 1;
        assertThat(log.verify()).isEmpty();
        // the application's role may not; the owner is stopped by the append-only trigger
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET detail = '4 lines' WHERE seq = :s").param("s", b).update())
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE seq = :s").param("s", b).update())
                .rootCause().hasMessageContaining("permission denied");
        JdbcClient asOwner = JdbcClient.create(owner.dataSource());
        assertThatThrownBy(() -> asOwner.sql("UPDATE audit_log SET detail = '4 lines' WHERE seq = :s").param("s", b).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner.sql("DELETE FROM audit_log WHERE seq = :s").param("s", b).update())
                .hasMessageContaining("append-only");

        Map<String, Object> original = asOwner.sql("SELECT * FROM audit_log WHERE seq = :s").param("s", b).query().singleRow();
        try {
            asOwner.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update();
            asOwner.sql("UPDATE audit_log SET detail = '4 lines' WHERE seq = :s").param("s", b).update();
            assertThat(log.verify()).contains(new AuditLog.Break(b, (Long) original.get("id"), "changed"));
            asOwner.sql("UPDATE audit_log SET detail = :d WHERE seq = :s").param("d", original.get("detail")).param("s", b).update();
            assertThat(log.verify()).isEmpty();

            asOwner.sql("DELETE FROM audit_log WHERE seq = :s").param("s", b).update();
            assertThat(log.verify()).map(AuditLog.Break::seq).contains(b + 1);
            assertThat(log.verify()).map(AuditLog.Break::reason).contains("missing");
            asOwner.sql("""
                    INSERT INTO audit_log (id, seq, at, actor, ip, action, target, detail, prev_hash, hash)
                    VALUES (:id, :seq, :at, :actor, :ip, :action, :target, :detail, :prev, :hash)""")
                    .param("id", original.get("id")).param("seq", original.get("seq")).param("at", original.get("at"))
                    .param("actor", original.get("actor")).param("ip", original.get("ip"))
                    .param("action", original.get("action")).param("target", original.get("target"))
                    .param("detail", original.get("detail")).param("prev", original.get("prev_hash"))
                    .param("hash", original.get("hash")).update();
        } finally {
            asOwner.sql("ALTER TABLE audit_log ENABLE TRIGGER USER").update();
        }
        assertThat(log.verify()).isEmpty();
    }

    @Test
    @DisplayName("a login over the API and a wrong password are both in the log, with the client's address")
    void logins() {
        long before = lastSeq();
        assertThat(api.get("ty.auditor", "/api/v1/ping").status()).isEqualTo(200);
        api.send(null, "GET", "/api/v1/ping", null, "zh-CN", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("ty.auditor:wrong-password".getBytes())));
        List<String> rows = jdbc.sql("SELECT action || ' ' || actor || ' ' || ip FROM audit_log WHERE seq > :s ORDER BY seq")
                .param("s", before).query(String.class).list();
        assertThat(rows).anyMatch(r -> r.startsWith("LOGIN_SUCCEEDED ty.auditor 127.0.0.1"));
        assertThat(rows).anyMatch(r -> r.startsWith("LOGIN_FAILED ty.auditor 127.0.0.1"));
        assertThat(log.verify()).isEmpty();
    }

    @Test
    @DisplayName("a case submitted online and a full ID number revealed by a clerk are in the log, under who did it")
    void businessEvents() {
        long before = lastSeq();
        String ref = api.post("citizen.ty", "/api/v1/cases", Map.of("type", "CERTIFICATE_REQUEST", "form",
                Map.of("certificate", "CONTRIBUTION_RECORD", "purpose", "审计测试"))).body().path("reference").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE seq > :s AND action = 'CASE_STEP' AND actor = 'citizen.ty'"
                + " AND target = :t").param("s", before).param("t", "case " + ref).query(Integer.class).single()).isEqualTo(1);
        long person = jdbc.sql("SELECT min(id) FROM registry_person WHERE region_code = '140100'").query(Long.class).single();
        ShebaoUser clerk = (ShebaoUser) users.loadUserByUsername("ty.clerk");
        String full = persons.revealIdNumber(clerk, person);
        String row = jdbc.sql("SELECT actor || ' ' || target || ' ' || detail FROM audit_log WHERE seq > :s"
                + " AND action = 'ID_NUMBER_REVEALED'").param("s", before).query(String.class).single();
        assertThat(row).startsWith("ty.clerk person " + person).doesNotContain(full);
        // a payroll run: started, completed and booked
        PayrollRun run = payroll.open((ShebaoUser)
                users.loadUserByUsername("sx.admin"), new RegionCode("140900"), YearMonth.of(2022, 1));
        payroll.execute(run.id());
        assertThat(jdbc.sql("SELECT string_agg(action, ',' ORDER BY seq) FROM audit_log WHERE seq > :s AND action LIKE 'PAYROLL%'"
                + " OR (seq > :s AND action = 'LEDGER_POSTED' AND target = :t)").param("s", before)
                .param("t", "payroll-run:" + run.id()).query(String.class).single())
                .isEqualTo("PAYROLL_RUN_STARTED,PAYROLL_RUN_COMPLETED,LEDGER_POSTED");
        assertThat(log.verify()).isEmpty();
    }
}
