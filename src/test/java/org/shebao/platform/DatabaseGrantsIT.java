package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Least privilege in the database (issue 10, item 3), checked on the application's own connections. */
@ShebaoIntegrationTest
@DisplayName("Least privilege: migrations ran as the owner; the application's role cannot alter, drop, truncate, "
        + "create, nor change the append-only tables")
class DatabaseGrantsIT {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DatabaseOwner owner;

    private boolean may(String privilege, String table) {
        return jdbc.sql("SELECT has_table_privilege(current_user, :t, :p)").param("t", table).param("p", privilege)
                .query(Boolean.class).single();
    }

    @Test
    @DisplayName("the application connects as a role of its own, no superuser, owning no table; the migrations were "
            + "applied by the owner")
    void separateRoles() {
        String app = jdbc.sql("SELECT current_user").query(String.class).single();
        assertThat(app).isEqualTo(owner.appRole()).isNotEqualTo(owner.role());
        assertThat(jdbc.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
                .query(Boolean.class).single()).as("no superuser, no role or database creation").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)")
                .query(Integer.class).single()).as("tables owned by the application's role").isZero();
        assertThat(jdbc.sql("SELECT DISTINCT installed_by FROM flyway_schema_history").query(String.class).list())
                .containsExactly(owner.role());
    }

    @Test
    @DisplayName("append-only tables (histories, archive, ledger, operation log): insert and read, never update, "
            + "delete or truncate; every other table: rows read and written, never truncated")
    void appendOnlyByGrant() {
        for (String t : DatabaseGrants.APPEND_ONLY) {
            assertThat(List.of(may("SELECT", t), may("INSERT", t))).as(t).containsOnly(true);
            assertThat(List.of(may("UPDATE", t), may("DELETE", t), may("TRUNCATE", t))).as(t).containsOnly(false);
        }
        for (String t : List.of("registry_person", "casework_case", "payroll_run", "identity_user")) {
            assertThat(List.of(may("SELECT", t), may("INSERT", t), may("UPDATE", t), may("DELETE", t))).as(t).containsOnly(true);
            assertThat(may("TRUNCATE", t)).as(t).isFalse();
        }
        assertThat(List.of(may("INSERT", "flyway_schema_history"), may("UPDATE", "flyway_schema_history")))
                .containsOnly(false);
        long lines = jdbc.sql("SELECT count(*) FROM ledger_line").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_line").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("UPDATE registry_change SET new_value = 'x'").update()).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE registry_person CASCADE").update()).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_line").query(Long.class).single()).isEqualTo(lines);
    }

    @Test
    @DisplayName("no schema change: ALTER, DROP, disabling the append-only triggers and CREATE TABLE are refused")
    void noSchemaChange() {
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER USER").update())
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("ALTER TABLE registry_person ADD COLUMN x INT").update())
                .rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("DROP TABLE ledger_journal CASCADE").update()).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("DROP FUNCTION audit_log_chain() CASCADE").update()).rootCause().hasMessageContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("CREATE TABLE intruder (x INT)").update()).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")
                .query(Integer.class).single()).isZero();
    }
}
