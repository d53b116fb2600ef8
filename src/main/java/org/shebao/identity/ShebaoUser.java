package org.shebao.identity;

import java.util.Collection;
import java.util.List;
import org.shebao.common.RegionCode;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user: role, the region their view is scoped to, and for portal users their own record. */
public final class ShebaoUser implements UserDetails, CredentialsContainer {
    private final long id;
    private final String username;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final RegionCode region;
    private final Long personId;
    private final Long employerId;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;

    ShebaoUser(long id, String username, String passwordHash, String displayName, Role role, RegionCode region,
               Long personId, Long employerId, boolean enabled, boolean locked) {
        this(id, username, passwordHash, displayName, role, region, personId, employerId, enabled, locked, false);
    }

    ShebaoUser(long id, String username, String passwordHash, String displayName, Role role, RegionCode region,
               Long personId, Long employerId, boolean enabled, boolean locked, boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.region = region;
        this.personId = personId;
        this.employerId = employerId;
        this.enabled = enabled;
        this.locked = locked;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The region whose records this user may see (a staff user); the user's own region (a portal user). */
    public RegionCode region() {
        return region;
    }

    public Long personId() {
        return personId;
    }

    public Long employerId() {
        return employerId;
    }

    /** A one-time password, or one that has expired: nothing but changing it is allowed. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean isStaff() {
        return role.isStaff();
    }

    public boolean has(Role... roles) {
        for (Role r : roles) {
            if (r == role) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShebaoUser u && u.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username + "[" + role + "@" + region + "]";
    }
}
