package org.shebao.identity.web;

import java.util.Map;
import org.shebao.identity.ApiTokens;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.shebao.identity.Users;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Two filter chains. The JSON API ({@code /api/**}) is stateless with HTTP Basic or a bearer token from
 * {@code POST /api/v1/tokens} (no cookie, so no CSRF exposure). The screens use form login with CSRF on, a new session id at login (fixation protection) and
 * strict security headers (CSP, frame-ancestors 'none').
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {
    static final String[] STAFF = {Role.CLERK.name(), Role.REVIEWER.name(), Role.FINANCE.name(), Role.AUDITOR.name(),
            Role.HALL_MANAGER.name(), Role.ADMIN.name()};
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    LockingAuthenticationProvider authenticationProvider(Users users, PasswordEncoder encoder) {
        return new LockingAuthenticationProvider(users, encoder);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, MessageSource messages, LocaleResolver locales,
                            ApiTokens tokens, LoginThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class)
                .addFilterAfter(PasswordPages.mustChangeFilter(),
                        AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, ex) -> {
                    LocaleContextHolder.setLocale(locales.resolveLocale(req));
                    // locked or wrong: the same answer, so that it does not tell whether the user name exists
                    String key = "problem.unauthorized";
                    res.setStatus(401);
                    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    res.setCharacterEncoding("UTF-8");
                    res.setHeader("WWW-Authenticate", "Basic realm=\"shebao\"");
                    json.writeValue(res.getOutputStream(), Map.of("type", "about:blank", "status", 401,
                            "title", messages.getMessage(key, null, LocaleContextHolder.getLocale()),
                            "instance", req.getRequestURI()));
                }))
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> {
                    res.setStatus(403);
                    res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    res.setCharacterEncoding("UTF-8");
                    json.writeValue(res.getOutputStream(), Map.of("type", "about:blank", "status", 403,
                            "title", messages.getMessage("problem.forbidden", null, locales.resolveLocale(req)),
                            "instance", req.getRequestURI()));
                }))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.addFilterBefore(throttle.filter(),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(PasswordPages.mustChangeFilter(),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // metrics and the rest of the actuator: operations from the machine itself, or an administrator
                        .requestMatchers("/actuator/**").access(new org.springframework.security.web.access.expression
                                .WebExpressionAuthorizationManager("hasIpAddress('127.0.0.1') or hasIpAddress('::1') "
                                + "or hasRole('ADMIN')"))
                        .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/verify/**",
                                // published notices, FAQ and 办事指南: for everyone, without login (N-6)
                                "/public", "/public/**").permitAll()
                        .requestMatchers("/portal/**").hasAnyRole(Role.INSURED_PERSON.name(), Role.EMPLOYER.name())
                        // an agreement medical institution's user: its own bills and statements only (SX-1b)
                        .requestMatchers("/hospital", "/hospital/**").hasRole(Role.HOSPITAL.name())
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/publicity", "/publicity/**").hasRole(Role.PUBLICITY.name())
                        .requestMatchers("/security/**").hasRole(Role.SECURITY_ADMIN.name())
                        .requestMatchers("/audit", "/audit/**").hasRole(Role.AUDIT_ADMIN.name())
                        .requestMatchers("/registry/**", "/casework/**", "/pension/**", "/unemployment/**").hasAnyRole(STAFF)
                        // work injury: the agency's section and the administrative department's recognition
                        .requestMatchers("/workinjury/**").hasAnyRole(Role.CLERK.name(), Role.REVIEWER.name(),
                                Role.AUDITOR.name(), Role.ADMIN.name(), Role.INJURY_RECOGNITION.name())
                        .requestMatchers("/payroll/**").hasAnyRole(Role.FINANCE.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/settlement", "/settlement/**").hasAnyRole(Role.FINANCE.name(),
                                Role.AUDITOR.name(), Role.REVIEWER.name(), Role.ADMIN.name())
                        .requestMatchers("/ledger/**").hasAnyRole(Role.FINANCE.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                        .requestMatchers("/collection", "/collection/**").hasAnyRole(Role.FINANCE.name(),
                                Role.CLERK.name(), Role.AUDITOR.name(), Role.ADMIN.name())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((req, res, auth) -> res.sendRedirect(req.getContextPath()
                                + (auth.getPrincipal() instanceof ShebaoUser u && !u.isStaff()
                                ? (u.has(Role.HOSPITAL) ? "/hospital" : "/portal") : "/")))
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                + "/login?error")) // locked or wrong: one message, which reveals no user name
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
