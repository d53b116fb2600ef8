package org.shebao.identity.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.shebao.identity.SecurityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-address throttling of password guessing across accounts (issue 10): every wrong password takes a token from
 * its client address's bucket (Bucket4j: {@code shebao.security.failed-logins-per-ip-per-minute}, refilled
 * whole each minute); while an address has none left, its password logins (the login form, HTTP Basic) are answered 429
 * with Retry-After before any password is checked. Requests with a bearer token are not throttled here.
 */
@Component
class LoginThrottle {
    private static final int MAX_ADDRESSES = 100_000;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int perMinute;

    @Autowired
    LoginThrottle(SecurityProperties settings) {
        this(settings.failedLoginsPerIpPerMinute());
    }

    LoginThrottle(int perMinute) {
        this.perMinute = perMinute;
    }

    private Bucket bucket(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear(); // a flood of addresses: start over rather than grow without bound
        }
        return buckets.computeIfAbsent(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    /** A wrong password from an address. */
    void failed(String address) {
        bucket(address).tryConsume(1);
    }

    /** The wrong passwords an address may still send now. */
    long available(String address) {
        Bucket b = buckets.get(address);
        return b == null ? perMinute : b.getAvailableTokens();
    }

    /** Whether an address has used up its wrong passwords for now. */
    boolean blocked(String address) {
        Bucket b = buckets.get(address);
        return b != null && b.getAvailableTokens() <= 0;
    }

    @EventListener
    void onBadPassword(AuthenticationFailureBadCredentialsEvent e) {
        if (e.getAuthentication().getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null) {
            failed(d.getRemoteAddress());
        }
    }

    /** The filter, placed in the security chains before password authentication. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                    throws ServletException, IOException {
                refuseOrPass(req, res, chain);
            }
        };
    }

    private void refuseOrPass(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        String auth = req.getHeader("Authorization");
        boolean passwordLogin = (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6))
                || ("POST".equals(req.getMethod()) && "/login".equals(req.getServletPath()));
        if (passwordLogin && blocked(req.getRemoteAddr())) {
            res.setStatus(429);
            res.setHeader("Retry-After", "60");
            res.setContentType("text/plain;charset=UTF-8");
            res.getWriter().write("登录尝试过于频繁，请稍后再试。Too many failed logins from this address; try again later.");
            return;
        }
        chain.doFilter(req, res);
    }
}
