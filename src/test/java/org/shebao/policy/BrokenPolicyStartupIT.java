package org.shebao.policy;

import org.shebao.policy.internal.PolicyFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ShebaoApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.core.NestedExceptionUtils;

@DisplayName("The platform refuses to start on a broken parameter set")
class BrokenPolicyStartupIT {

    @Test
    @DisplayName("an agency parameter file overlapping FJ-1.3's value stops the start, naming file, line and reason")
    void refusesToStart() {
        Throwable t = catchThrowable(() -> SpringApplication.run(ShebaoApplication.class,
                "--shebao.policy.parameters-dir=src/test/resources/policy-broken/overlap",
                "--spring.main.web-application-type=none",
                "--shebao.db.embedded.data-dir=target/pg-broken-policy",
                "--shebao.demo.enabled=false",
                "--shebao.seal.keystore=target/keys/seal-broken-policy.p12", "--shebao.seal.keystore-password=x-Seal-2026",
                "--shebao.personal-data.key-file=target/keys/personal-data.key",
                "--spring.main.banner-mode=off"));
        assertThat(t).isNotNull();
        Throwable root = NestedExceptionUtils.getMostSpecificCause(t);
        assertThat(root).isInstanceOf(PolicyFileException.class);
        assertThat(root.getMessage()).contains("fujian-extra.yml:4").contains("overlaps the value from 2020-02-01");
    }
}
