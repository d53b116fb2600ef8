package org.shebao.workinjury;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agreement medical institutions (协议医疗机构, SX-1b): registered by the region's administrator or reviewer with
 * their agreement period and, optionally, the hospital account (role {@code HOSPITAL}, same region) that submits their
 * bills. A hospital user sees its own institution only.
 */
@Service
@RequiredArgsConstructor
public class Institutions {
    /** What the administrator enters: the region (a province's administrator names the city), name, agreement. */
    public record NewInstitution(String region, String name, String agreementNo, String agreementFrom,
                                 String agreementTo, String hospitalUser) {
    }

    private final JdbcClient jdbc;
    private final Users users;
    private final AuditLog audit;
    private final Clock clock;

    @Transactional
    public Institution register(ShebaoUser by, NewInstitution in) {
        if (!by.isStaff() || !by.has(Role.ADMIN, Role.REVIEWER)) {
            throw new AccessDeniedToRecordException("agreement medical institution");
        }
        Violations v = new Violations();
        RegionCode region = by.region();
        if (in.region() != null && !in.region().isBlank()) {
            region = v.attempt(() -> RegionCode.parse(in.region(), "region"));
        }
        if (region != null && (!region.isCity() || !by.region().covers(region))) {
            v.add("region", "error.wi.institution.region");
        }
        String name = v.text(in.name(), "name", 100, true);
        String number = v.text(in.agreementNo(), "agreementNo", 50, true);
        LocalDate from = v.date(in.agreementFrom(), "agreementFrom", true);
        LocalDate to = v.date(in.agreementTo(), "agreementTo", true);
        if (from != null && to != null && to.isBefore(from)) {
            v.add("agreementTo", "error.wi.institution.period", from);
        }
        String login = v.text(in.hospitalUser(), "hospitalUser", 50, false);
        if (login != null && region != null && !v.has("region")) {
            ShebaoUser account = account(login);
            if (account == null || !account.has(Role.HOSPITAL)) {
                v.add("hospitalUser", "error.wi.institution.notHospitalUser", login);
            } else if (!account.region().equals(region)) {
                v.add("hospitalUser", "error.wi.institution.userRegion", login);
            } else if (institutionOf(account).isPresent()) {
                v.add("hospitalUser", "error.wi.institution.userTaken", login);
            }
        }
        v.throwIfAny();
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO workinjury_institution (region_code, name, agreement_no, agreement_from, agreement_to,
                           registered_by, registered_by_name, registered_at)
                    VALUES (:r, :name, :no, :from, :to, :by, :byName, :now) RETURNING id""")
                    .param("r", region.value()).param("name", name).param("no", number).param("from", from)
                    .param("to", to).param("by", by.getUsername()).param("byName", by.displayName())
                    .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
            if (login != null) {
                jdbc.sql("INSERT INTO workinjury_institution_user (username, region_code, institution_id) VALUES (:u, :r, :i)")
                        .param("u", login).param("r", region.value()).param("i", id).update();
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException(login != null && e.getMessage().contains("institution_user") ? "hospitalUser"
                    : "agreementNo", "error.wi.institution.duplicate");
        }
        audit.record(by.getUsername(), AuditAction.CASE_STEP, "agreement medical institution " + id,
                "REGISTERED " + name + " " + number + " " + from + "–" + to + (login == null ? "" : " user " + login));
        return find(id).orElseThrow();
    }

    private ShebaoUser account(String login) {
        try {
            return (ShebaoUser) users.loadUserByUsername(login);
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }

    /** The institutions of the staff user's region and below. */
    public List<Institution> list(ShebaoUser by) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("agreement medical institution");
        }
        return jdbc.sql(SELECT + " WHERE region_code LIKE :scope ORDER BY region_code, name")
                .param("scope", by.region().scopePrefix() + "%").query(Institutions::row).list();
    }

    /** The institution of a hospital user (empty for anyone else). */
    public Optional<Institution> institutionOf(ShebaoUser by) {
        if (!by.has(Role.HOSPITAL)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " WHERE (id, region_code) = (SELECT institution_id, region_code FROM"
                        + " workinjury_institution_user WHERE username = :u AND region_code = :r)")
                .param("u", by.getUsername()).param("r", by.region().value()).query(Institutions::row).optional();
    }

    /** The institution a user may read: staff of its region, or its own hospital user; 404 when unknown. */
    public Institution get(ShebaoUser by, long id) {
        Institution i = find(id).orElseThrow(() -> new NotFoundException("agreement medical institution " + id));
        boolean staff = by.isStaff() && by.region().covers(new RegionCode(i.regionCode()));
        boolean own = institutionOf(by).map(o -> o.id() == id).orElse(false);
        if (!staff && !own) {
            throw new AccessDeniedToRecordException("agreement medical institution");
        }
        return i;
    }

    Optional<Institution> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Institutions::row).optional();
    }

    private static final String SELECT = """
            SELECT id, region_code, name, agreement_no, agreement_from, agreement_to, registered_by_name, registered_at
              FROM workinjury_institution""";

    private static Institution row(ResultSet rs, int i) throws SQLException {
        return new Institution(rs.getLong("id"), rs.getString("region_code"), rs.getString("name"),
                rs.getString("agreement_no"), rs.getObject("agreement_from", LocalDate.class),
                rs.getObject("agreement_to", LocalDate.class), rs.getString("registered_by_name"),
                rs.getObject("registered_at", OffsetDateTime.class));
    }
}
