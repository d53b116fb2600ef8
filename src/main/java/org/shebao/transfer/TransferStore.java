package org.shebao.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.Money;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of transfers and their history, and who may see one: its person, or staff of either agency. */
@Component
@RequiredArgsConstructor
class TransferStore {
    static final String SELECT = """
            SELECT id, person_id, from_region, to_region, status, channel, flags, applied_by, applied_at, step_on, due_on,
                   temporary_account, personal_account, pooled, transferred, months, merged_months, refusal_reason, version
              FROM transfer_case
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Optional<Transfer> load(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    /** The transfer, if the user may see it: the person themselves, or staff of the sending or receiving agency. */
    Transfer visible(ShebaoUser by, long id) {
        Transfer t = load(id).orElseThrow(() -> new NotFoundException("transfer " + id));
        requireVisible(by, t.personId(), t.fromRegion(), t.toRegion(), "transfer");
        return t;
    }

    /** The person's own, or staff of either agency in a role that handles transfers; else refused. */
    static void requireVisible(ShebaoUser by, long personId, String oneAgency, String otherAgency, String what) {
        if (by.isStaff()) {
            if (!by.has(Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.AUDITOR, Role.ADMIN)
                    || !(by.region().covers(new RegionCode(oneAgency)) || by.region().covers(new RegionCode(otherAgency)))) {
                throw new AccessDeniedToRecordException(what);
            }
        } else if (by.role() != Role.INSURED_PERSON || !Objects.equals(by.personId(), personId)) {
            throw new AccessDeniedToRecordException(what);
        }
    }

    /** The transfer for a step of one agency: staff of that agency's region in one of the roles. */
    Transfer forStep(ShebaoUser by, long id, boolean receiving, Role... roles) {
        Transfer t = load(id).orElseThrow(() -> new NotFoundException("transfer " + id));
        String region = receiving ? t.toRegion() : t.fromRegion();
        if (!by.isStaff() || !by.has(roles) || !by.region().covers(new RegionCode(region))) {
            throw new AccessDeniedToRecordException("transfer");
        }
        return t;
    }

    List<Transfer> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE person_id = :p ORDER BY id DESC").param("p", personId).query(this::map).list();
    }

    /** Transfers in which an agency of the scope sends or receives, newest first; open ones only when asked. */
    List<Transfer> ofScope(RegionCode scope, boolean openOnly, int limit) {
        return jdbc.sql(SELECT + """
                         WHERE (from_region LIKE :scope OR to_region LIKE :scope)
                           AND (:all OR status NOT IN ('COMPLETED', 'REFUSED'))
                         ORDER BY (status IN ('COMPLETED', 'REFUSED')), due_on NULLS LAST, id DESC LIMIT :limit""")
                .param("scope", scope.scopePrefix() + "%").param("all", !openOnly).param("limit", limit)
                .query(this::map).list();
    }

    /**
     * Open transfers whose step is overdue on {@code today} and whose next step is the scope's agencies' own: the
     * receiving agency's (letter, acceptance) or the sending agency's (certificate and funds).
     */
    List<Transfer> overdue(RegionCode scope, LocalDate today) {
        return jdbc.sql(SELECT + """
                         WHERE due_on < :today
                           AND ((status IN ('APPLIED', 'FUNDS_SENT') AND to_region LIKE :scope)
                             OR (status = 'LETTER_SENT' AND from_region LIKE :scope))
                         ORDER BY due_on, id""")
                .param("today", today).param("scope", scope.scopePrefix() + "%").query(this::map).list();
    }

    List<TransferEvent> history(long id) {
        return jdbc.sql("""
                SELECT action, from_status, to_status, actor, at, detail FROM transfer_history
                 WHERE transfer_id = :id ORDER BY id""").param("id", id)
                .query((rs, i) -> new TransferEvent(rs.getString("action"),
                        rs.getString("from_status") == null ? null : TransferStatus.valueOf(rs.getString("from_status")),
                        TransferStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                        rs.getString("detail"))).list();
    }

    void history(long id, String action, TransferStatus from, TransferStatus to, String actor, String detail) {
        jdbc.sql("""
                INSERT INTO transfer_history (region_code, transfer_id, action, from_status, to_status, actor, at, detail)
                SELECT region_code, id, :action, :from, :to, :actor, :at, :detail FROM transfer_case WHERE id = :id""")
                .param("id", id).param("action", action).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("actor", actor).param("at", OffsetDateTime.now(clock))
                .param("detail", detail == null ? "" : detail.length() > 300 ? detail.substring(0, 299) + "…" : detail)
                .update();
    }

    /** Refuses a step from the wrong status: someone else did it first, or it is not this step's turn. */
    static void require(Transfer t, TransferStatus expected) {
        if (t.status() != expected) {
            throw new ConflictException("status", "error.transfer.state");
        }
    }

    private Transfer map(ResultSet rs, int i) throws SQLException {
        return new Transfer(rs.getLong("id"), rs.getLong("person_id"), rs.getString("from_region"),
                rs.getString("to_region"), TransferStatus.valueOf(rs.getString("status")), rs.getString("channel"),
                rs.getString("flags"), rs.getString("applied_by"),
                rs.getObject("applied_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                rs.getObject("step_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                (Boolean) rs.getObject("temporary_account"), Money.orNull(rs.getBigDecimal("personal_account")),
                Money.orNull(rs.getBigDecimal("pooled")), Money.orNull(rs.getBigDecimal("transferred")),
                (Integer) rs.getObject("months"), (Integer) rs.getObject("merged_months"),
                rs.getString("refusal_reason"), rs.getInt("version"));
    }
}
