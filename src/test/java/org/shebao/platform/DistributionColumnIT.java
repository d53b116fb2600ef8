package org.shebao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ready for sharding (issue 18, item 6): every table of the migrated database is classified, and the distributed
 * ones carry the distribution column {@code region_code} (the 统筹区) the way Citus needs it, so that adopting Citus
 * is {@code create_distributed_table} / {@code create_reference_table} calls, not a rewrite (docs/deployment.md).
 *
 * <p>A new table must be added to one of the lists below; one with per-person or per-employer rows goes to
 * {@link #DISTRIBUTED} and then needs the column, NOT NULL, in its primary key, unique constraints and foreign keys.
 */
@ShebaoIntegrationTest
@DisplayName("Ready for sharding: every table classified; distributed tables carry region_code in their keys")
class DistributionColumnIT {
    /** The distribution column. */
    static final String COLUMN = "region_code";

    /**
     * Tables of per-person, per-employer or per-region rows: distributed by {@code region_code}, co-located (Citus
     * {@code create_distributed_table(t, 'region_code', colocate_with => 'registry_person')}).
     */
    static final Set<String> DISTRIBUTED = Set.of(
            "registry_person", "registry_employer", "registry_enrollment", "registry_change",
            "contribution_year", "contribution_deferral", "contribution_declaration", "contribution_declaration_line",
            "contribution_bill", "contribution_bill_line", "contribution_employer_deferral",
            "contribution_payment_file", "contribution_payment", "contribution_person_payment", "contribution_month",
            "contribution_late_fee", "contribution_late_fee_paid", "contribution_employer_credit",
            "contribution_credit_movement", "contribution_credit_refund", "contribution_receipt",
            "contribution_collection_history",
            "policy_deadline_item",
            "casework_case", "casework_history", "casework_material", "casework_commitment", "casework_certificate",
            "casework_certificate_revocation",
            "casework_archive",
            "pension_award", "pension_death", "pension_survivor_award",
            "workinjury_recognition", "workinjury_claim_time", "workinjury_appraisal", "workinjury_history",
            "workinjury_award", "workinjury_award_order",
            "workinjury_institution", "workinjury_institution_user", "workinjury_medical_statement",
            "workinjury_medical_line", "workinjury_medical_history",
            "workinjury_death", "workinjury_death_dependent", "workinjury_death_order", "workinjury_medical_repayment",
            "unemployment_claim", "unemployment_claim_history",
            "resident_contribution", "resident_pension_claim", "resident_pension_history",
            "notification_outbox", "notification_notice",
            "payroll_order", "payroll_adjustment", "payroll_recovery", "payroll_run", "payroll_line", "payroll_chunk",
            "payroll_chunk_total", "payroll_payment", "payroll_bank_return", "payroll_account_change",
            "hall_hall", "hall_slot", "hall_booking", "hall_screening", "hall_incident", "hall_hygiene_check",
            "hall_supply_stock", "hall_supply_movement", "hall_staff_health", "hall_duty", "hall_patrol",
            "hall_incident_event",
            "settlement_item", "settlement_audit_sample", "settlement_audit_item",
            "transfer_case", "transfer_history", "transfer_temp_account", "transfer_temp_year", "transfer_temp_history",
            "registry_record_holding", "recovery_case", "recovery_writeoff", "recovery_installment", "recovery_step");

    /**
     * Small tables every node reads, written rarely: copied to every node (Citus {@code create_reference_table}).
     * Parameters, holidays, jurisdictions and the measures catalog are files (src/main/resources/policy), read by
     * every application node, not tables.
     */
    static final Map<String, String> REFERENCE = Map.of(
            "policy_emergency", "emergencies of a province, read by every rule",
            "policy_emergency_change", "the history of an emergency's dates",
            "ledger_fund", "the funds",
            "ledger_account", "the chart of accounts of each fund",
            "casework_seal_key", "the seal's public keys, by which every certificate verifies",
            "workinjury_suspension", "suspensions of on-site appraisal (FJ-6a), read by every appraisal's deadline",
            "registry_key_check", "the digest of the personal-data key (one row)");

    /**
     * Tables that stay on the coordinator (Citus local tables): national, keyed by something that is not a region,
     * or one global order that must not be cut.
     */
    static final Map<String, String> COORDINATOR = Map.ofEntries(
            Map.entry("identity_user", "accounts, found by user name at login (staff and portal users)"),
            Map.entry("identity_password_history", "an account's last passwords"),
            Map.entry("identity_api_token", "bearer tokens, found by their hash"),
            Map.entry("identity_session", "web sessions (Spring Session JDBC), found by session id"),
            Map.entry("identity_session_attributes", "web session attributes"),
            Map.entry("audit_log", "the operation log: one hash chain in commit order"),
            Map.entry("ledger_journal", "the books of each fund: one voucher per business event, unique source"),
            Map.entry("ledger_line", "voucher lines, balanced per voucher at commit"),
            Map.entry("event_publication", "Spring Modulith's event publication registry"),
            Map.entry("platform_job_lock", "ShedLock's job locks"),
            Map.entry("flyway_schema_history", "Flyway's migration history"));

    /**
     * Unique indexes of distributed tables without the distribution column, on purpose: an ID number and a credit
     * code are registered once in the whole country. Under Citus each becomes a lookup table of its own, distributed
     * by the number (id_index → person id and region; credit_code → employer id and region), written in the
     * registering transaction.
     */
    static final Map<String, String> NATIONAL_UNIQUE = Map.of(
            "registry_person_id_index_key", "ID-number index (blind index of the number): one person per number nationally",
            "registry_employer_credit_code_key", "credit-code index: one employer per code nationally");

    @Autowired
    JdbcClient jdbc;

    private record Column(String table, String nullable, String type) {
    }

    private record UniqueIndex(String table, String index, List<String> columns) {
    }

    private record ForeignKey(String name, String table, String referenced, List<String> columns,
                              List<String> referencedColumns) {
    }

    private List<String> tables() {
        return jdbc.sql("""
                        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                         ORDER BY c.relname""")
                .query(String.class).list().stream()
                .filter(t -> !t.startsWith("bench_")) // made and dropped by bench/ scripts, never by migrations
                .toList();
    }

    @Test
    @DisplayName("every table is classified once: distributed, reference or coordinator; no list names a table that "
            + "does not exist")
    void everyTableClassified() {
        List<String> tables = tables();
        List<String> unclassified = new ArrayList<>();
        for (String t : tables) {
            int in = (DISTRIBUTED.contains(t) ? 1 : 0) + (REFERENCE.containsKey(t) ? 1 : 0)
                    + (COORDINATOR.containsKey(t) ? 1 : 0);
            assertThat(in).as("table %s is in more than one list", t).isLessThanOrEqualTo(1);
            if (in == 0) {
                unclassified.add(t);
            }
        }
        assertThat(unclassified)
                .as("tables not classified (add each to DISTRIBUTED, REFERENCE or COORDINATOR in DistributionColumnIT "
                        + "and docs/deployment.md; per-person or per-employer rows are DISTRIBUTED)")
                .isEmpty();
        Set<String> listed = new TreeSet<>(DISTRIBUTED);
        listed.addAll(REFERENCE.keySet());
        listed.addAll(COORDINATOR.keySet());
        listed.removeAll(tables);
        assertThat(listed).as("classified tables that do not exist").isEmpty();
    }

    @Test
    @DisplayName("a distributed table has region_code NOT NULL, of the same type everywhere; a per-person table "
            + "elsewhere is refused")
    void distributionColumn() {
        Map<String, Column> columns = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT table_name, is_nullable, data_type || coalesce('(' || character_maximum_length || ')', '') AS type
                          FROM information_schema.columns
                         WHERE table_schema = current_schema() AND column_name = :col""")
                .param("col", COLUMN)
                .query((rs, i) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3))).list()
                .forEach(c -> columns.put(c.table(), c));
        for (String t : DISTRIBUTED) {
            Column c = columns.get(t);
            assertThat(c).as("distributed table %s has no %s column", t, COLUMN).isNotNull();
            assertThat(c.nullable()).as("%s.%s must be NOT NULL", t, COLUMN).isEqualTo("NO");
            assertThat(c.type()).as("%s.%s has the type of registry_person's", t, COLUMN)
                    .isEqualTo(columns.get("registry_person").type());
        }
        // a table that holds rows about a person or an employer is distributed
        List<String> perPerson = jdbc.sql("""
                        SELECT DISTINCT table_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND column_name IN ('person_id', 'employer_id', 'case_id')
                         ORDER BY 1""")
                .query(String.class).list();
        Set<String> allowed = Set.of("identity_user"); // an account names the person or employer it belongs to
        for (String t : perPerson) {
            if (!allowed.contains(t)) {
                assertThat(DISTRIBUTED).as("table %s holds per-person, per-employer or per-case rows: distribute it", t)
                        .contains(t);
            }
        }
    }

    @Test
    @DisplayName("the primary key and every unique index of a distributed table include region_code (but the "
            + "documented national indexes)")
    void keysIncludeTheDistributionColumn() {
        List<UniqueIndex> unique = jdbc.sql("""
                        SELECT t.relname AS table_name, i.relname AS index_name,
                               array_agg(a.attname::text ORDER BY k.ord) AS columns
                          FROM pg_index x
                          JOIN pg_class t ON t.oid = x.indrelid
                          JOIN pg_class i ON i.oid = x.indexrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                          LEFT JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k (attnum, ord) ON TRUE
                          LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                         WHERE x.indisunique
                         GROUP BY t.relname, i.relname""")
                .query((rs, i) -> new UniqueIndex(rs.getString(1), rs.getString(2),
                        java.util.Arrays.stream((String[]) rs.getArray(3).getArray())
                                .map(c -> c == null ? "(expression)" : c).toList())).list();
        Set<String> withPrimaryKey = new HashSet<>(jdbc.sql("""
                        SELECT t.relname FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                         WHERE x.indisprimary""").query(String.class).list());
        for (String t : DISTRIBUTED) {
            if (!t.equals("payroll_line")) { // the one table without a key: lines are written once per chunk
                assertThat(withPrimaryKey).as("distributed table %s has a primary key", t).contains(t);
            }
        }
        Set<String> exceptionsSeen = new HashSet<>();
        for (UniqueIndex u : unique) {
            if (!DISTRIBUTED.contains(u.table())) {
                continue;
            }
            if (NATIONAL_UNIQUE.containsKey(u.index())) {
                exceptionsSeen.add(u.index());
                continue;
            }
            assertThat(u.columns()).as("unique index %s of distributed table %s (%s) must include %s", u.index(),
                    u.table(), u.columns(), COLUMN).contains(COLUMN);
        }
        assertThat(exceptionsSeen).as("documented national indexes that no longer exist").isEqualTo(NATIONAL_UNIQUE.keySet());
    }

    @Test
    @DisplayName("a foreign key between distributed tables includes region_code on both sides, paired; distributed "
            + "tables refer to no coordinator table, and the others refer to no distributed table")
    void foreignKeysAreColocated() {
        List<ForeignKey> keys = jdbc.sql("""
                        SELECT c.conname, t.relname AS table_name, r.relname AS referenced,
                               array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k (n, o)
                                       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
                               array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k (n, o)
                                       JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
                          FROM pg_constraint c
                          JOIN pg_class t ON t.oid = c.conrelid
                          JOIN pg_class r ON r.oid = c.confrelid
                          JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
                         WHERE c.contype = 'f'""")
                .query((rs, i) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray())))
                .list();
        int between = 0;
        for (ForeignKey k : keys) {
            boolean from = DISTRIBUTED.contains(k.table());
            boolean to = DISTRIBUTED.contains(k.referenced());
            if (from && to) {
                between++;
                int i = k.columns().indexOf(COLUMN);
                assertThat(i).as("foreign key %s of %s %s -> %s %s must include %s", k.name(), k.table(), k.columns(),
                        k.referenced(), k.referencedColumns(), COLUMN).isNotNegative();
                assertThat(k.referencedColumns().get(i)).as("foreign key %s of %s: %s must refer to %s.%s", k.name(),
                        k.table(), COLUMN, k.referenced(), COLUMN).isEqualTo(COLUMN);
            } else if (from) {
                assertThat(REFERENCE).as("foreign key %s: distributed %s may refer to a reference table only, not %s",
                        k.name(), k.table(), k.referenced()).containsKey(k.referenced());
            } else {
                assertThat(to).as("foreign key %s: %s (not distributed) refers to distributed %s", k.name(), k.table(),
                        k.referenced()).isFalse();
            }
        }
        assertThat(between).as("foreign keys between distributed tables (enrollments, casework, payroll)")
                .isGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("the region of a distributed row cannot be changed (as Citus refuses to update a distribution column)")
    void regionFixed() {
        List<String> guarded = jdbc.sql("""
                        SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                          JOIN pg_proc p ON p.oid = g.tgfoid
                         WHERE p.proname = 'platform_region_code_fixed' AND NOT g.tgisinternal""")
                .query(String.class).list();
        assertThat(new TreeSet<>(guarded)).as("distributed tables whose region_code a trigger keeps fixed")
                .isEqualTo(new TreeSet<>(DISTRIBUTED));
    }
}
