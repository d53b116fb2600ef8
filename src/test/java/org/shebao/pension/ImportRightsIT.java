package org.shebao.pension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Separation of duties for data-exchange imports (issue 10, item 7): for every role and every kind of file, the
 * service itself allows or refuses, as the one matrix ({@link RecordImports.Kind}) says; auditors read, they do not
 * import (once an auditor's match moved a certified_until forward).
 */
@ShebaoIntegrationTest
@DisplayName("Who may import what: every role × every kind of data-exchange file, against the real service")
class ImportRightsIT {
    private static final Map<Role, String> USERS = Map.ofEntries(Map.entry(Role.CLERK, "fz.clerk"),
            Map.entry(Role.REVIEWER, "fz.reviewer"), Map.entry(Role.FINANCE, "fz.finance"),
            Map.entry(Role.AUDITOR, "fz.auditor"), Map.entry(Role.HALL_MANAGER, "fz.hall"),
            Map.entry(Role.ADMIN, "fj.admin"), Map.entry(Role.SECURITY_ADMIN, "security"),
            Map.entry(Role.AUDIT_ADMIN, "audit"), Map.entry(Role.INJURY_RECOGNITION, "fj.injury"),
            Map.entry(Role.PUBLICITY, "fz.publicity"),
            Map.entry(Role.INSURED_PERSON, "citizen.fz"), Map.entry(Role.EMPLOYER, "employer.fz"),
            Map.entry(Role.HOSPITAL, "ty.hospital"));
    @Autowired
    RecordImports imports;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> matrix() {
        return Stream.of(Role.values()).flatMap(r -> Stream.of(RecordImports.Kind.values()).map(k -> Arguments.of(r, k)));
    }

    @ParameterizedTest(name = "{0} imports {1}")
    @MethodSource("matrix")
    void rights(Role role, RecordImports.Kind kind) {
        assertThat(USERS).as("a demo user for every role").containsKey(role);
        ShebaoUser user = (ShebaoUser) users.loadUserByUsername(USERS.get(role));
        assertThat(user.role()).isEqualTo(role);
        String certified = jdbc.sql("SELECT string_agg(id || ':' || certified_until, ',' ORDER BY id) FROM payroll_order")
                .query(String.class).single();
        // a file whose one line names nobody: an allowed role gets a result (nothing matched), the others a refusal
        byte[] file = "id_number,name,date\n11010519491231002X,无此人,2026-01-01\n".getBytes(StandardCharsets.UTF_8);
        boolean allowed = role == Role.FINANCE || role == Role.ADMIN;
        assertThat(kind.allows(role)).isEqualTo(allowed);
        if (allowed) {
            assertThat(imports.importFile(user, kind, file).matched()).isZero();
        } else {
            assertThatThrownBy(() -> imports.importFile(user, kind, file)).isInstanceOf(AccessDeniedToRecordException.class);
        }
        assertThat(jdbc.sql("SELECT string_agg(id || ':' || certified_until, ',' ORDER BY id) FROM payroll_order")
                .query(String.class).single()).as("no certification moved").isEqualTo(certified);
    }
}
