package org.shebao.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@DisplayName("Per-address login throttle (Bucket4j): wrong passwords from one address, across accounts")
class LoginThrottleTest {

    private static MockHttpServletResponse basicLogin(LoginThrottle t, String address) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("GET", "/api/v1/me");
        req.setRemoteAddr(address);
        req.addHeader("Authorization", "Basic eDp5");
        MockHttpServletResponse res = new MockHttpServletResponse();
        t.filter().doFilter(req, res, new MockFilterChain());
        return res;
    }

    @Test
    @DisplayName("after 3 wrong passwords (any accounts) an address gets 429 with Retry-After; another address does "
            + "not; requests without a password are not throttled")
    void throttles() throws Exception {
        LoginThrottle t = new LoginThrottle(3);
        for (int i = 0; i < 3; i++) {
            assertThat(basicLogin(t, "10.0.0.7").getStatus()).isEqualTo(200);
            t.failed("10.0.0.7");
        }
        MockHttpServletResponse refused = basicLogin(t, "10.0.0.7");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("60");
        assertThat(refused.getContentAsString()).contains("登录尝试过于频繁");
        assertThat(basicLogin(t, "10.0.0.8").getStatus()).isEqualTo(200);
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/registry/persons");
        page.setRemoteAddr("10.0.0.7");
        MockHttpServletResponse res = new MockHttpServletResponse();
        t.filter().doFilter(page, res, new MockFilterChain());
        assertThat(res.getStatus()).isEqualTo(200);
    }
}
