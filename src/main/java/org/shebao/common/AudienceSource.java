package org.shebao.common;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An audience rule of targeted notices (N-6, FJ-7), implemented by the module that owns the data it selects (a Spring
 * bean): who, in a region and the regions below it, a notice reaches on a day. The notification module asks every
 * source and counts, then sends to, exactly the members it answers. It lives in the shared kernel because the modules
 * that own the data are the ones the notification module already listens to.
 */
public interface AudienceSource {

    /** The rule's code (upper case, unique); its name on screens is {@code notice.audience.<code>}. */
    String rule();

    /** Whether the rule selects persons or units. */
    Addressee addressee();

    /** The clauses that make this audience a target of publicity. */
    List<String> clauses();

    /** The members in the region's scope ({@link RegionCode#scopePrefix()}) on the day, each once. */
    List<Member> members(RegionCode scope, LocalDate today);

    /** What kind of addressee a rule selects. */
    enum Addressee {
        PERSON, EMPLOYER
    }

    /** One addressee: a person's or a unit's id, and the region its records are kept in. */
    record Member(long id, String regionCode) {
    }

    /**
     * A rule answered by one query of the owning module's tables: {@code sql} selects the columns {@code id} and
     * {@code region_code}, with the parameters {@code :scope} (a LIKE pattern of the region and below) and
     * {@code :today}.
     */
    static AudienceSource query(JdbcClient jdbc, String rule, Addressee addressee, List<String> clauses, String sql) {
        return new AudienceSource() {
            @Override
            public String rule() {
                return rule;
            }

            @Override
            public Addressee addressee() {
                return addressee;
            }

            @Override
            public List<String> clauses() {
                return clauses;
            }

            @Override
            public List<Member> members(RegionCode scope, LocalDate today) {
                return jdbc.sql(sql).param("scope", scope.scopePrefix() + "%").param("today", today)
                        .query((rs, i) -> new Member(rs.getLong("id"), rs.getString("region_code"))).list();
            }
        };
    }
}
