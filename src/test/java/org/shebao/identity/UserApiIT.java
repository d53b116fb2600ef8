package org.shebao.identity;

import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shebao.ApiClient;
import org.shebao.ShebaoIntegrationTest;
import java.util.Base64;

@ShebaoIntegrationTest
@DisplayName("User administration over the API: the security administrator of a province creates staff in it only")
class UserApiIT {
    @Autowired
    ApiClient api;

    @Test
    @DisplayName("fj.security creates a Xiamen clerk (201, one-time password), not a Shanxi one (400) and not a "
            + "duplicate (409); a system administrator may not (403); the new clerk must change the password first")
    void create() {
        ApiClient.Response created = api.post("fj.security", "/api/v1/users", Map.of("username", "xm.clerk9",
                "displayName", "厦门受理 九", "role", "CLERK", "region", "350200"));
        assertThat(created.status()).isEqualTo(201);
        String oneTime = created.body().path("oneTimePassword").asString();
        assertThat(oneTime).hasSize(16);
        ApiClient.Response shanxi = api.post("fj.security", "/api/v1/users", Map.of("username", "ty.clerk9",
                "displayName", "太原受理 九", "role", "CLERK", "region", "140100"));
        assertThat(shanxi.status()).isEqualTo(400);
        assertThat(shanxi.firstErrorMessage()).contains("本人辖区");
        assertThat(api.post("fj.security", "/api/v1/users", Map.of("username", "xm.clerk9", "displayName", "重复",
                "role", "CLERK", "region", "350200")).status()).isEqualTo(409);
        assertThat(api.post("fj.admin", "/api/v1/users", Map.of("username", "xm.clerk8", "displayName", "不行",
                "role", "CLERK", "region", "350200")).status()).isEqualTo(403);
        // with the one-time password the API answers nothing but 403 until it is changed
        ApiClient.Response first = api.send(null, "GET", "/api/v1/ping", null, "zh-CN", Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("xm.clerk9:" + oneTime).getBytes())));
        assertThat(first.status()).isEqualTo(403);
    }
}
