package org.shebao.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.Paging;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading cases: one case, the work queue, a citizen's own cases, a case's history and materials; the types. */
@Service
@RequiredArgsConstructor
public class CaseQueries {
    public static final int PAGE_SIZE = 20;

    /** A case as listed: the case and who applied (masked ID number). */
    public record Listed(Case c, String applicantName, String applicantId) {
    }

    private final CaseStore store;
    private final JdbcClient jdbc;
    private final Archive archive;

    public List<CaseType> types() {
        return List.copyOf(store.handlers().keySet());
    }

    /** The types a portal user may apply for: a unit's (employer) or a person's; staff register every type. */
    public List<CaseType> typesFor(ShebaoUser by) {
        if (by.isStaff()) {
            return types();
        }
        boolean employer = by.has(Role.EMPLOYER);
        return store.handlers().values().stream().filter(h -> h.employerCase() == employer)
                .map(CaseTypeHandler::type).toList();
    }

    /** The handler of a type named in a page's address: an unknown one is a page that does not exist (404). */
    public CaseTypeHandler handlerOfPage(String type) {
        CaseTypeHandler h = store.handlers().get(CaseType.ofPage(type));
        if (h == null) {
            throw new NotFoundException("case type " + type);
        }
        return h;
    }

    /** The handler of a type given as input: an unknown one is bad input (400). */
    public CaseTypeHandler handler(CaseType type) {
        return store.handler(type);
    }

    /**
     * The reference of an open case (not yet approved or rejected) of the type for the person, if any: a business that
     * allows one open application at a time (unemployment benefit) checks it before a new one.
     */
    public java.util.Optional<String> openCaseOf(long personId, CaseType type) {
        return jdbc.sql("""
                SELECT reference FROM casework_case WHERE person_id = :p AND type = :t
                   AND status NOT IN ('APPROVED', 'REJECTED') ORDER BY id LIMIT 1""")
                .param("p", personId).param("t", type.name()).query(String.class).optional();
    }

    /** A case the user may see: staff of its region (and above), or the applicant. */
    public Case get(ShebaoUser by, long id) {
        return store.get(by, id);
    }

    public Listed listed(ShebaoUser by, long id) {
        Listed l = store.listed(id);
        store.requireAccess(by, l.c());
        return l;
    }

    /** {@link #listed}, for a module's page of one type: a case of another type is a page that does not exist. */
    public Listed listed(ShebaoUser by, long id, CaseType type) {
        Listed l = listed(by, id);
        if (l.c().type() != type) {
            throw new NotFoundException(type + " case " + id);
        }
        return l;
    }

    /** How the queue is ordered: by a column the user clicked, or (default) green channel first, then time limit. */
    public enum QueueSort {
        /** 绿色通道优先，再按时限、收件时间 (the working order). */
        PRIORITY("priority DESC, due_on, received_at"),
        RECEIVED("received_at"),
        DUE("due_on"),
        REFERENCE("reference"),
        TYPE("type"),
        STATUS("status");

        private final String columns;

        QueueSort(String columns) {
            this.columns = columns;
        }

        /** The sort a request names, or the working order for anything else. */
        public static QueueSort of(String raw) {
            for (QueueSort s : values()) {
                if (s.name().equalsIgnoreCase(raw == null ? "" : raw.strip())) {
                    return s;
                }
            }
            return PRIORITY;
        }
    }

    /**
     * What a staff user asks of the queue: status (null: every open case), type, channel, only overdue cases, only
     * the green channel, a case reference or applicant's name ({@code q}), the order and the page (0-based).
     */
    public record QueueFilter(CaseStatus status, CaseType type, Channel channel, boolean overdue, boolean green,
                              String q, QueueSort sort, boolean descending, int page) {
        public QueueFilter {
            q = q == null || q.isBlank() ? null : q.strip();
            if (q != null && q.length() > 40) {
                throw InvalidInputException.of("q", "error.queue.q", "40");
            }
            sort = sort == null ? QueueSort.PRIORITY : sort;
        }

        /** Every open case in the working order, first page. */
        public static QueueFilter open() {
            return new QueueFilter(null, null, null, false, false, null, QueueSort.PRIORITY, false, 0);
        }
    }

    /** A page of the queue, with totals of everything the filter matches (not only this page). */
    public record QueuePage(List<Listed> rows, long total, long overdue, long green, int page, int pages) {
    }

    /**
     * The work queue of a staff user's region (and below) under a filter. The totals count every case the filter
     * matches; overdue: open (not approved or rejected) and past its time limit today.
     */
    public QueuePage queue(ShebaoUser by, QueueFilter f) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("queue");
        }
        long offset = Paging.offset(f.page(), PAGE_SIZE);
        StringBuilder where = new StringBuilder("WHERE region_code LIKE :scope AND ")
                .append(f.status() == null ? "status NOT IN ('APPROVED','REJECTED')" : "status = :status");
        Map<String, Object> params = new HashMap<>();
        params.put("scope", by.region().scopePrefix() + "%");
        params.put("today", LocalDate.now(store.clock()));
        if (f.status() != null) {
            params.put("status", f.status().name());
        }
        if (f.type() != null) {
            where.append(" AND type = :type");
            params.put("type", f.type().name());
        }
        if (f.channel() != null) {
            where.append(" AND channel = :channel");
            params.put("channel", f.channel().name());
        }
        if (f.overdue()) {
            where.append(" AND ").append(OVERDUE);
        }
        if (f.green()) {
            where.append(" AND priority > 0");
        }
        if (f.q() != null) {
            where.append(" AND (reference = :q OR applicant_name LIKE :qLike ESCAPE '\\')");
            params.put("q", f.q());
            params.put("qLike", "%" + f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Totals t = jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE " + OVERDUE + ") AS overdue,"
                        + " count(*) FILTER (WHERE priority > 0) AS green FROM casework_case " + where)
                .params(params)
                .query((rs, i) -> new Totals(rs.getLong("total"), rs.getLong("overdue"), rs.getLong("green")))
                .single();
        String order = f.sort().columns + (f.sort() != QueueSort.PRIORITY && f.descending() ? " DESC" : "");
        boolean desc = f.sort() != QueueSort.PRIORITY && f.descending();
        List<Listed> rows = store.select(where + " ORDER BY " + order + ", id" + (desc ? " DESC" : "")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", PAGE_SIZE).param("offset", offset)
                .query(store::row).list();
        int pages = (int) Math.max(1, (t.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new QueuePage(rows, t.total(), t.overdue(), t.green(), f.page(), pages);
    }

    /** The first page of the open cases of one type (or all), in the working order. */
    public List<Listed> queue(ShebaoUser by, CaseStatus status, String type, int page) {
        CaseType t = type == null || type.isBlank() ? null : CaseType.parse(type, "type");
        return queue(by, new QueueFilter(status, t, null, false, false, null, QueueSort.PRIORITY, false, page)).rows();
    }

    /** Open and past its time limit on {@code :today}. */
    private static final String OVERDUE = "status NOT IN ('APPROVED','REJECTED') AND due_on < :today";

    private record Totals(long total, long overdue, long green) {
    }

    /** The portal user's own cases, newest first. */
    public List<Listed> mine(ShebaoUser by) {
        if (by.has(Role.EMPLOYER) && by.employerId() != null) { // an employer's own applications
            return store.select("WHERE employer_id = :e ORDER BY received_at DESC, id DESC LIMIT 100")
                    .param("e", by.employerId()).query(store::row).list();
        }
        if (!by.has(Role.INSURED_PERSON) || by.personId() == null) {
            throw new AccessDeniedToRecordException("cases");
        }
        return store.select("WHERE person_id = :p OR applicant_user = :u ORDER BY received_at DESC, id DESC LIMIT 100")
                .param("p", by.personId()).param("u", by.getUsername()).query(store::row).list();
    }

    public List<HistoryEntry> history(ShebaoUser by, long id) {
        get(by, id);
        return jdbc.sql("SELECT id, action, from_status, to_status, actor, at, reason, details FROM casework_history"
                        + " WHERE case_id = :c ORDER BY id")
                .param("c", id)
                .query((rs, i) -> new HistoryEntry(rs.getLong("id"), rs.getString("action"),
                        rs.getString("from_status") == null ? null : CaseStatus.valueOf(rs.getString("from_status")),
                        CaseStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).atZoneSameInstant(store.clock().getZone())
                                .toOffsetDateTime(),
                        rs.getString("reason"), rs.getString("details")))
                .list();
    }

    public List<Material> materials(ShebaoUser by, long caseId) {
        Case c = get(by, caseId);
        return jdbc.sql("""
                        SELECT m.id, m.case_id, m.item, m.sha256, a.content_type, a.size_bytes, m.file_name, m.channel,
                               m.uploaded_by, m.uploaded_at
                          FROM casework_material m
                          JOIN casework_archive a ON a.sha256 = m.sha256 AND a.region_code = m.region_code
                         WHERE m.case_id = :c AND m.region_code = :region ORDER BY m.id""")
                .param("c", caseId).param("region", c.regionCode())
                .query((rs, i) -> new Material(rs.getLong("id"), rs.getLong("case_id"), rs.getString("item"),
                        rs.getString("sha256"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("file_name"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class)))
                .list();
    }

    /** A material's file, for someone who may see its case. */
    public Map.Entry<Material, byte[]> materialContent(ShebaoUser by, long caseId, long materialId) {
        Material m = materials(by, caseId).stream().filter(x -> x.id() == materialId).findFirst()
                .orElseThrow(() -> new NotFoundException("material " + materialId));
        return Map.entry(m, archive.content(get(by, caseId).regionCode(), m.sha256()));
    }
}
