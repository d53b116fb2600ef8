package org.shebao.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.identity.ShebaoUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counts of cases for the managers' charts (issue 14 item 8), over the staff user's region and below, like the queue
 * ({@link CaseQueries#queue}): cases received per day and channel, and the open queue by age.
 */
@Service
@RequiredArgsConstructor
public class CaseStatistics {
    /** The age buckets of the open queue, in days since the case was received: 0–2, 3–7, 8–14, 15–30, over 30. */
    public static final int[] AGE_BOUNDS = {3, 8, 15, 31};

    private final JdbcClient jdbc;
    private final CaseStore store;

    /** Cases received on a day (in the platform's time zone) through a channel. */
    public record DayCount(LocalDate day, Channel channel, long count) {
    }

    /** Open cases received between {@code fromDays} and {@code toDays} days ago (toDays null: any older). */
    public record AgeBucket(int fromDays, Integer toDays, long count) {
    }

    /** The cases received in the last {@code days} days (today included), per day and channel. */
    public List<DayCount> receivedPerDay(ShebaoUser by, int days) {
        requireStaff(by);
        LocalDate today = LocalDate.now(store.clock());
        OffsetDateTime from = today.minusDays(days - 1L).atStartOfDay(store.clock().getZone()).toOffsetDateTime();
        return jdbc.sql("""
                        SELECT (received_at AT TIME ZONE :zone)::date AS day, channel, count(*) AS count
                          FROM casework_case WHERE region_code LIKE :scope AND received_at >= :from
                         GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("zone", store.clock().getZone().getId()).param("scope", by.region().scopePrefix() + "%")
                .param("from", from)
                .query((rs, i) -> new DayCount(rs.getObject("day", LocalDate.class), Channel.valueOf(rs.getString("channel")),
                        rs.getLong("count"))).list();
    }

    /** The open queue (every case not approved or rejected, as the queue counts it) by age. */
    public List<AgeBucket> openByAge(ShebaoUser by) {
        requireStaff(by);
        LocalDate today = LocalDate.now(store.clock());
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int b = 0; b <= AGE_BOUNDS.length; b++) {
            String lower = b == 0 ? "true" : "age >= " + AGE_BOUNDS[b - 1];
            String upper = b == AGE_BOUNDS.length ? "true" : "age < " + AGE_BOUNDS[b];
            sql.append(b == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(lower).append(" AND ")
                    .append(upper).append(") AS b").append(b);
        }
        sql.append(" FROM (SELECT :today - (received_at AT TIME ZONE :zone)::date AS age FROM casework_case")
                .append(" WHERE region_code LIKE :scope AND status NOT IN ('APPROVED','REJECTED')) q");
        return jdbc.sql(sql.toString()).param("today", today).param("zone", store.clock().getZone().getId())
                .param("scope", by.region().scopePrefix() + "%")
                .query((rs, i) -> {
                    List<AgeBucket> buckets = new java.util.ArrayList<>();
                    for (int b = 0; b <= AGE_BOUNDS.length; b++) {
                        buckets.add(new AgeBucket(b == 0 ? 0 : AGE_BOUNDS[b - 1],
                                b == AGE_BOUNDS.length ? null : AGE_BOUNDS[b] - 1, rs.getLong("b" + b)));
                    }
                    return buckets;
                }).single();
    }

    private static void requireStaff(ShebaoUser by) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("case statistics");
        }
    }
}
