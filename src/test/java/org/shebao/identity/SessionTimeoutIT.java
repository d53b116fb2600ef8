package org.shebao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.shebao.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ShebaoIntegrationTest
@DisplayName("Idle web sessions end after 30 minutes (GB/T 22239-2019 8.1.4.1)")
class SessionTimeoutIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("a signed-in user's session, kept in the database for every node, ends after 30 minutes of inactivity")
    void timeout() throws Exception {
        WebSession.login(port, "fz.reviewer");
        assertThat(jdbc.sql("SELECT DISTINCT max_inactive_interval FROM identity_session WHERE principal_name = 'fz.reviewer'")
                .query(Integer.class).list()).as("seconds").containsExactly(1800);
    }
}
