package org.shebao.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.access.AccessDeniedException;

/** The user of the current request. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Optional<ShebaoUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ShebaoUser u) {
            return Optional.of(u);
        }
        return Optional.empty();
    }

    public static ShebaoUser require() {
        return find().orElseThrow(() -> new AccessDeniedException("login required"));
    }

    /** Who did it, for histories: the username, or “system” outside a request. */
    public static String name() {
        return find().map(ShebaoUser::getUsername).orElse("system");
    }
}
