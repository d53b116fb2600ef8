package org.shebao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.apache.catalina.Context;
import org.springframework.boot.tomcat.TomcatWebServer;

@ShebaoIntegrationTest
@DisplayName("Idle web sessions end after 30 minutes (GB/T 22239-2019 8.1.4.1)")
class SessionTimeoutIT {
    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    @DisplayName("the running server's sessions time out after 30 minutes of inactivity")
    void timeout() {
        var tomcat = (TomcatWebServer) context.getWebServer();
        var web = (Context) tomcat.getTomcat().getHost().findChildren()[0];
        assertThat(web.getSessionTimeout()).as("minutes").isEqualTo(30);
    }
}
