package org.shebao;

import lombok.RequiredArgsConstructor;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.springframework.stereotype.Component;

/** The platform's users as signing in loads them, for tests that call a service as a given user. */
@Component
@RequiredArgsConstructor
public class TestUsers {
    private final Users users;

    public ShebaoUser get(String username) {
        return (ShebaoUser) users.loadUserByUsername(username);
    }
}
