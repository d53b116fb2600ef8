package org.shebao.workinjury;

import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.UserAdministration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users of the agreement medical institutions (SX-1b), administered by the security administrator of the
 * institution's region: a new account has the role HOSPITAL, the institution's region and a one-time password, and
 * sees that institution only (its link here); disabling and enabling touch only an account of that institution.
 */
@Service
@RequiredArgsConstructor
public class HospitalUsers {
    private final JdbcClient jdbc;
    private final UserAdministration administration;
    private final Institutions institutions;

    /** An institution's account. */
    public record HospitalUser(long id, String username, String displayName, boolean enabled, OffsetDateTime lastLogin) {
    }

    /** An institution with its accounts. */
    public record InstitutionUsers(Institution institution, List<HospitalUser> users) {
    }

    /** The institutions of the administrator's region and below, each with its accounts. */
    public List<InstitutionUsers> overview(ShebaoUser by) {
        requireSecurityAdmin(by);
        List<Institution> institutions = this.institutions.list(by);
        return institutions.stream().map(i -> new InstitutionUsers(i, usersOf(i))).toList();
    }

    /** Creates an account of the institution; its one-time password (shown once). */
    @Transactional
    public String create(ShebaoUser by, long institutionId, String username, String displayName) {
        Institution i = institution(by, institutionId);
        UserAdministration.Created created = administration.createHospitalUser(by, username, displayName,
                new RegionCode(i.regionCode()));
        jdbc.sql("INSERT INTO workinjury_institution_user (username, region_code, institution_id) VALUES (:u, :r, :i)")
                .param("u", username.strip()).param("r", i.regionCode()).param("i", i.id()).update();
        return created.oneTime();
    }

    /** Disables or enables an account of the institution (404 for an account of another institution). */
    @Transactional
    public void setEnabled(ShebaoUser by, long institutionId, long userId, boolean enabled) {
        Institution i = institution(by, institutionId);
        if (usersOf(i).stream().noneMatch(u -> u.id() == userId)) {
            throw new NotFoundException("user " + userId + " of institution " + institutionId);
        }
        administration.setEnabled(by, userId, enabled);
    }

    private List<HospitalUser> usersOf(Institution i) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.enabled, u.last_login_at
                  FROM workinjury_institution_user w JOIN identity_user u ON u.username = w.username
                 WHERE w.institution_id = :i AND w.region_code = :r AND u.role = 'HOSPITAL' ORDER BY u.username""")
                .param("i", i.id()).param("r", i.regionCode())
                .query((rs, n) -> new HospitalUser(rs.getLong("id"), rs.getString("username"),
                        rs.getString("display_name"), rs.getBoolean("enabled"),
                        rs.getObject("last_login_at", OffsetDateTime.class))).list();
    }

    private Institution institution(ShebaoUser by, long id) {
        requireSecurityAdmin(by);
        Institution i = institutions.find(id)
                .orElseThrow(() -> new NotFoundException("agreement medical institution " + id));
        if (!by.region().covers(new RegionCode(i.regionCode()))) {
            throw new AccessDeniedToRecordException("agreement medical institution");
        }
        return i;
    }

    private static void requireSecurityAdmin(ShebaoUser by) {
        if (!by.has(Role.SECURITY_ADMIN)) {
            throw new AccessDeniedToRecordException("hospital users");
        }
    }
}
