package org.shebao.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The operation log. {@link #record} appends a row in the caller's transaction (a change rolled back leaves no
 * trace of itself); the database chains it to the row before (seq, prev_hash, hash) and refuses to change it.
 * {@link #verify} walks the chain and reports the first row that does not hold.
 */
@Service
@RequiredArgsConstructor
public class AuditLog {
    /** A row as stored. */
    public record Entry(long seq, OffsetDateTime at, String actor, String ip, String action, String target,
                        String detail, String hash) {
    }

    /**
     * The first place the chain does not hold: the row (by seq) and why: {@code missing} (a row before it was
     * removed), {@code unlinked} (it does not follow the row before), {@code changed} (its content was altered).
     */
    public record Break(long seq, long id, String reason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    /** Appends an event (in the current transaction, if any): who, what, on what, with details; the IP if a request. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, AuditAction action, String target, String detail) {
        jdbc.sql("""
                INSERT INTO audit_log (seq, at, actor, ip, action, target, detail, prev_hash, hash)
                VALUES (0, :at, :actor, :ip, :action, :target, :detail, '', '')""")
                .param("at", OffsetDateTime.now(clock)).param("actor", clip(actor == null ? "anonymous" : actor, 64))
                .param("ip", clip(currentIp(), 64)).param("action", action.name())
                .param("target", clip(target == null ? "" : target, 200))
                .param("detail", clip(detail == null ? "" : detail, 2000)).update();
    }

    /** Appends an event done by the user of the current request (or "system" outside one). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String target, String detail) {
        Authentication a =
                SecurityContextHolder.getContext().getAuthentication();
        record(a == null ? "system" : a.getName(), action, target, detail);
    }

    /**
     * Appends an event that must stay even when the caller's transaction fails (a refused login, a denied access):
     * in a transaction of its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAlone(String actor, AuditAction action, String target, String detail) {
        record(actor, action, target, detail);
    }

    /**
     * Walks the chain in order: each row's prev_hash must be the hash of the row before, its seq the next number,
     * and its hash the digest of its own content (the database's audit_log_digest). Empty: the chain holds.
     */
    public Optional<Break> verify() {
        return jdbc.sql("""
                SELECT seq, id, reason FROM (
                    SELECT seq, id,
                           CASE WHEN seq <> COALESCE(lag(seq) OVER w, 0) + 1 THEN 'missing'
                                WHEN prev_hash <> COALESCE(lag(hash) OVER w, repeat('0', 64)) THEN 'unlinked'
                                WHEN hash <> audit_log_digest(prev_hash, seq, at, actor, ip, action, target, detail)
                                    THEN 'changed'
                           END AS reason
                      FROM audit_log WINDOW w AS (ORDER BY seq)) c
                 WHERE reason IS NOT NULL ORDER BY seq LIMIT 1""")
                .query((rs, i) -> new Break(rs.getLong("seq"), rs.getLong("id"), rs.getString("reason"))).optional();
    }

    /** The newest rows first, optionally of one actor or action, for the audit administrator's screen. */
    public List<Entry> latest(String actor, String action, int limit) {
        return jdbc.sql("""
                SELECT seq, at, actor, ip, action, target, detail, hash FROM audit_log
                 WHERE (:actor = '' OR actor = :actor) AND (:action = '' OR action = :action)
                 ORDER BY seq DESC LIMIT :limit""")
                .param("actor", actor == null ? "" : actor).param("action", action == null ? "" : action)
                .param("limit", limit)
                .query((rs, i) -> new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("ip"), rs.getString("action"), rs.getString("target"), rs.getString("detail"), rs.getString("hash")))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    }

    private static String currentIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            return a.getRequest().getRemoteAddr();
        }
        return "";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
