package org.shebao.identity.web;

import org.shebao.identity.Users;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password logins (form and HTTP Basic) with the lockout decided atomically: after the password is checked, the
 * account must still be unlocked in the statement that admits the login (Users.admit). Unknown users cost the same
 * password hashing as known ones (the parent's timing defence).
 */
class LockingAuthenticationProvider extends DaoAuthenticationProvider {
    private final Users users;

    LockingAuthenticationProvider(Users users, PasswordEncoder encoder) {
        super(users);
        setPasswordEncoder(encoder);
        this.users = users;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        super.additionalAuthenticationChecks(user, authentication);
        if (!users.admit(user.getUsername())) {
            throw new LockedException("locked");
        }
    }
}
