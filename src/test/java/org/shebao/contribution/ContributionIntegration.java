package org.shebao.contribution;

import org.junit.jupiter.api.BeforeEach;
import org.shebao.ApiClient;
import org.shebao.TestUsers;
import org.shebao.contribution.BillFixtures.Employee;
import org.shebao.identity.ShebaoUser;
import org.shebao.ledger.Ledger;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The set-up the contribution module's integration tests share (each is a {@code @ShebaoIntegrationTest}): the
 * services an employer's declarations, bills and payments go through, the API client and a Fuzhou clerk, and the
 * fixtures of {@link ContributionFixtures}.
 */
abstract class ContributionIntegration {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    ContributionFixtures fixtures;
    @Autowired
    Bills bills;
    @Autowired
    Declarations declarations;
    @Autowired
    Payments payments;
    @Autowired
    Ledger ledger;

    ApiClient api;
    ShebaoUser clerk;

    @BeforeEach
    void setUpClient() {
        api = new ApiClient(port);
        clerk = users.get("fz.clerk");
    }

    /** A fresh Fuzhou employer of the size class, made by fz.clerk. */
    Employer employer(EmployerSize size) {
        return fixtures.employer(size);
    }

    /** A fresh Fuzhou person enrolled with the employer since 2019-01-01. */
    Employee employee(Employer e, String name) {
        return fixtures.employee(e.id(), name);
    }

    /** A fresh large Fuzhou enterprise with one employee declared at 6000.00 in each of the months (not assessed). */
    Employer declaredLarge(String employeeName, String... months) {
        Employer e = employer(EmployerSize.LARGE);
        Employee a = employee(e, employeeName);
        java.util.List<DeclaredLine> lines = new java.util.ArrayList<>();
        for (String m : months) {
            lines.add(new DeclaredLine(lines.size() + 1, a.idNumber(), a.name(), m, "6000.00"));
        }
        declarations.declare(clerk, e.id(), lines);
        return e;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
