package org.shebao.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.AudienceSource;
import org.shebao.common.ConflictException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.policy.Measures;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.registry.Contacts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targeted notices (N-6, FJ-7): a publicity clerk writes a notice for an audience chosen by rule (each rule answered by
 * the module that owns its data, an {@link AudienceSource}) and channels, sees how many it reaches on each channel,
 * and sends it. Sending moves the notice from draft to sent once (a second click, or a second clerk, is refused) and
 * writes one outbox row per addressee and channel in the same transaction: those rows are the delivery records, and
 * their number is the one shown before sending (or nothing is sent, when the audience changed in between).
 */
@Service
public class Notices {
    static final int TITLE_MAX = 100;
    static final int BODY_MAX = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final Clock clock;
    private final Users users;
    private final Contacts contacts;
    private final AuditLog audit;
    private final Map<String, AudienceSource> sources;
    private final Measures measures;

    Notices(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc, Clock clock, Users users, Contacts contacts,
            AuditLog audit, List<AudienceSource> sources, Measures measures) {
        this.measures = measures;
        this.audit = audit;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.clock = clock;
        this.users = users;
        this.contacts = contacts;
        this.sources = sources.stream().sorted(java.util.Comparator.comparing(AudienceSource::rule))
                .collect(Collectors.toMap(AudienceSource::rule, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two audience rules " + a.rule());
                }, LinkedHashMap::new));
    }

    /** What a clerk writes. {@code channels}: channel codes. */
    public record Draft(String title, String body, String audience, List<String> channels, boolean published) {
    }

    /** A notice as stored. */
    public record Notice(long id, String regionCode, String title, String body, String audience,
                         List<NotificationChannel> channels, boolean published, String state, int audienceCount,
                         Integer deliveryCount, String createdBy, OffsetDateTime createdAt, String sentBy,
                         OffsetDateTime sentAt) {
        public boolean sent() {
            return "SENT".equals(state);
        }
    }

    /** How many delivery records a channel gets (or got). */
    public record Reach(NotificationChannel channel, int deliveries) {
    }

    /**
     * A notice with its audience: the members the rule selects now (a draft) and the delivery records each channel
     * gets, or (a sent notice) the delivery records written and how many of them the adapters have processed.
     */
    public record Preview(Notice notice, int members, List<Reach> reach, int deliveries, int processed,
                          List<String> clauses) {
    }

    /** An audience rule as the screen lists it. */
    public record Rule(String code, AudienceSource.Addressee addressee, List<String> clauses) {
    }

    /** The audience rules, each with the clauses that apply in the region (a Fuzhou clerk is not shown SX-3). */
    public List<Rule> rules(RegionCode region) {
        return sources.values().stream()
                .map(s -> new Rule(s.rule(), s.addressee(), measures.clausesIn(s.clauses(), region))).toList();
    }

    /** The channels a clerk of the region may choose (闽政通 only in Fujian, FJ-3). */
    public List<NotificationChannel> channels(RegionCode region) {
        return Arrays.stream(NotificationChannel.values()).filter(c -> c.availableIn(region)).toList();
    }

    /**
     * Saves a draft after checking every field: title and body given and not too long, a known audience rule that
     * selects at least one addressee, and channels available in the clerk's region that reach at least one.
     */
    @Transactional
    public Notice draft(ShebaoUser by, Draft d) {
        clerk(by);
        Violations v = new Violations();
        String title = text(v, d.title(), "title", TITLE_MAX);
        String body = text(v, d.body(), "body", BODY_MAX);
        AudienceSource source = d.audience() == null || d.audience().isBlank() ? null : sources.get(d.audience());
        if (source == null) {
            v.add("audience", d.audience() == null || d.audience().isBlank()
                    ? "error.notice.audience.required" : "error.notice.audience.unknown");
        }
        List<NotificationChannel> channels = channels(v, by.region(), d.channels());
        v.throwIfAny();
        Audience audience = audience(source, by.region(), channels);
        int members = audience.members();
        if (members == 0) {
            v.add("audience", "error.notice.audience.empty");
        } else if (audience.deliveries().isEmpty()) {
            v.add("channels", "error.notice.channels.unreachable");
        }
        v.throwIfAny();
        long id = jdbc.sql("""
                        INSERT INTO notification_notice (region_code, title, body, audience, channels, published,
                            audience_count, created_by, created_at)
                        VALUES (:r, :t, :b, :a, :c, :p, :n, :by, :now) RETURNING id""")
                .param("r", by.region().value()).param("t", title).param("b", body).param("a", source.rule())
                .param("c", channels.stream().map(Enum::name).collect(Collectors.joining(",")))
                .param("p", d.published()).param("n", members).param("by", by.getUsername())
                .param("now", OffsetDateTime.now(clock)).query(Long.class).single();
        return get(by, id);
    }

    /** A notice of the clerk's region with its audience counted now (a draft) or as sent. */
    public Preview preview(ShebaoUser by, long id) {
        Notice n = get(by, id);
        AudienceSource source = sources.get(n.audience());
        if (!n.sent()) {
            Audience a = audience(source, new RegionCode(n.regionCode()), n.channels());
            return new Preview(n, a.members(), reach(n.channels(), a.deliveries().stream().map(Delivery::channel).toList()),
                    a.deliveries().size(), 0, measures.clausesIn(source.clauses(), new RegionCode(n.regionCode())));
        }
        List<NotificationChannel> written = jdbc.sql("SELECT channel FROM notification_outbox WHERE notice_id = :id")
                .param("id", id).query((rs, i) -> NotificationChannel.valueOf(rs.getString(1))).list();
        int processed = jdbc.sql("SELECT count(*) FROM notification_outbox WHERE notice_id = :id AND sent_at IS NOT NULL")
                .param("id", id).query(Integer.class).single();
        return new Preview(n, n.audienceCount(), reach(n.channels(), written), written.size(), processed,
                measures.clausesIn(source.clauses(), new RegionCode(n.regionCode())));
    }

    /**
     * Sends a draft: the single winner moves it to sent and writes the delivery records; {@code expected} is the number
     * of delivery records the clerk saw (a different number now: nothing is sent, the clerk looks again).
     */
    @Transactional
    public Preview send(ShebaoUser by, long id, int expected) {
        Notice n = get(by, id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int won = jdbc.sql("""
                        UPDATE notification_notice SET state = 'SENT', sent_by = :by, sent_at = :now, delivery_count = 0
                        WHERE id = :id AND region_code = :r AND state = 'DRAFT'""")
                .param("by", by.getUsername()).param("now", now).param("id", id).param("r", n.regionCode()).update();
        if (won == 0) {
            throw new ConflictException("notice", "error.notice.alreadySent");
        }
        Audience audience = audience(sources.get(n.audience()), new RegionCode(n.regionCode()), n.channels());
        List<Delivery> deliveries = audience.deliveries();
        if (deliveries.size() != expected) {
            // rolls the state change back: nothing is sent
            throw new ConflictException("expected", "error.notice.audienceChanged", deliveries.size(), expected);
        }
        if (deliveries.isEmpty()) {
            throw new ConflictException("audience", "error.notice.audience.empty");
        }
        String link = n.published() ? "/public/notices/" + id : "/portal/messages";
        MapSqlParameterSource[] rows = deliveries.stream().map(d -> new MapSqlParameterSource()
                .addValue("u", d.user()).addValue("p", d.employer() ? null : d.member().id())
                .addValue("e", d.employer() ? d.member().id() : null).addValue("r", d.member().regionCode())
                .addValue("phone", d.phone()).addValue("ch", d.channel().name()).addValue("s", n.title())
                .addValue("b", n.body()).addValue("link", link).addValue("now", now).addValue("n", id))
                .toArray(MapSqlParameterSource[]::new);
        batchJdbc.batchUpdate("""
                INSERT INTO notification_outbox (recipient_user, person_id, employer_id, region_code, phone, channel,
                    subject, body, link, created_at, notice_id)
                VALUES (:u, :p, :e, :r, :phone, :ch, :s, :b, :link, :now, :n)""", rows);
        int members = audience.members();
        jdbc.sql("UPDATE notification_notice SET delivery_count = :d, audience_count = :m WHERE id = :id AND region_code = :r")
                .param("d", deliveries.size()).param("m", members).param("id", id).param("r", n.regionCode()).update();
        audit.record(by.getUsername(), AuditAction.NOTICE_SENT, "notice " + id, n.audience() + ": " + members
                + " addressees, " + deliveries.size() + " delivery records on " + n.channels());
        return preview(by, id);
    }

    /** The notices of the clerk's region and below, newest first. */
    public List<Notice> list(ShebaoUser by) {
        clerk(by);
        return jdbc.sql(SELECT + " WHERE region_code LIKE :scope ORDER BY id DESC LIMIT 100")
                .param("scope", by.region().scopePrefix() + "%").query(this::row).list();
    }

    /** Notices sent and published for everyone (the public pages: no login, no personal data). */
    public List<Notice> published() {
        return jdbc.sql(SELECT + " WHERE published AND state = 'SENT' ORDER BY sent_at DESC, id DESC LIMIT 100")
                .query(this::row).list();
    }

    public Notice publishedNotice(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id AND published AND state = 'SENT'").param("id", id).query(this::row)
                .optional().orElseThrow(() -> new NotFoundException("notice " + id));
    }

    /** A letter of the notice's letter file: to whom (name, region) and what. */
    public record Letter(String name, String regionCode, String title, String body, OffsetDateTime sentAt) {
    }

    /** The letter file of a sent notice, for printing and posting (names only: no ID numbers, no phones). */
    public List<Letter> letters(ShebaoUser by, long id) {
        Notice n = get(by, id);
        if (!n.sent() || !n.channels().contains(NotificationChannel.LETTER)) {
            throw new NotFoundException("letters of notice " + id);
        }
        record Addressee(Long person, Long employer, String region) {
        }
        List<Addressee> rows = jdbc.sql("SELECT person_id, employer_id, region_code FROM notification_outbox"
                        + " WHERE notice_id = :id AND channel = 'LETTER' ORDER BY id").param("id", id)
                .query((rs, i) -> new Addressee((Long) rs.getObject("person_id"), (Long) rs.getObject("employer_id"),
                        rs.getString("region_code"))).list();
        Map<Long, Contacts.Contact> persons = contacts.ofPersons(rows.stream().map(Addressee::person)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, Contacts.Contact> employers = contacts.ofEmployers(rows.stream().map(Addressee::employer)
                .filter(java.util.Objects::nonNull).toList());
        return rows.stream().map(a -> {
            Contacts.Contact c = a.person() != null ? persons.get(a.person()) : employers.get(a.employer());
            return new Letter(c == null ? "" : c.name(), a.region(), n.title(), n.body(), n.sentAt());
        }).toList();
    }

    // ------------------------------------------------------------------------------------------------------------

    /** One delivery record to write: an addressee on a channel, with the account or phone it goes to. */
    private record Delivery(AudienceSource.Member member, boolean employer, NotificationChannel channel, String user,
                            String phone) {
    }

    /** The members a rule selects (a member no chosen channel reaches is counted, with no delivery record). */
    private record Audience(int members, List<Delivery> deliveries) {
    }

    private Audience audience(AudienceSource source, RegionCode region, List<NotificationChannel> channels) {
        List<AudienceSource.Member> members = source.members(region, LocalDate.now(clock)).stream().distinct().toList();
        boolean employer = source.addressee() == AudienceSource.Addressee.EMPLOYER;
        List<Long> ids = members.stream().map(AudienceSource.Member::id).toList();
        Map<Long, String> accounts = channels.stream().anyMatch(NotificationChannel::needsAccount)
                ? users.portalUsersOf(ids, employer) : Map.of();
        Map<Long, Contacts.Contact> reach = channels.stream().anyMatch(NotificationChannel::needsPhone)
                ? (employer ? contacts.ofEmployers(ids) : contacts.ofPersons(ids)) : Map.of();
        List<Delivery> out = new ArrayList<>();
        for (AudienceSource.Member m : members) {
            String user = accounts.get(m.id());
            Contacts.Contact c = reach.get(m.id());
            String phone = c == null ? null : c.phone();
            for (NotificationChannel ch : channels) {
                if ((ch.needsAccount() && user == null) || (ch.needsPhone() && phone == null)) {
                    continue;
                }
                out.add(new Delivery(m, employer, ch, ch.needsAccount() ? user : null, ch.needsPhone() ? phone : null));
            }
        }
        return new Audience(members.size(), out);
    }

    private static List<Reach> reach(List<NotificationChannel> channels, Collection<NotificationChannel> written) {
        Map<NotificationChannel, Integer> counts = new EnumMap<>(NotificationChannel.class);
        channels.forEach(c -> counts.put(c, 0));
        written.forEach(c -> counts.merge(c, 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new Reach(e.getKey(), e.getValue())).toList();
    }

    private static String text(Violations v, String raw, String field, int max) {
        String t = raw == null ? "" : raw.strip();
        if (t.isEmpty()) {
            v.add(field, "error.notice." + field + ".required");
            return null;
        }
        if (t.codePointCount(0, t.length()) > max) {
            v.add(field, "error.tooLong", max);
            return null;
        }
        return t;
    }

    private List<NotificationChannel> channels(Violations v, RegionCode region, List<String> raw) {
        List<NotificationChannel> out = new ArrayList<>();
        if (raw == null || raw.stream().allMatch(c -> c == null || c.isBlank())) {
            v.add("channels", "error.notice.channels.required");
            return out;
        }
        for (String code : raw.stream().filter(c -> c != null && !c.isBlank()).distinct().toList()) {
            NotificationChannel ch = Arrays.stream(NotificationChannel.values()).filter(c -> c.name().equals(code))
                    .findFirst().orElse(null);
            if (ch == null) {
                v.add("channels", "error.notice.channel.unknown");
            } else if (!ch.availableIn(region)) {
                v.add("channels", "error.notice.channel.unavailable." + ch.name());
            } else {
                out.add(ch);
            }
        }
        out.sort(java.util.Comparator.naturalOrder());
        return out;
    }

    private static void clerk(ShebaoUser by) {
        if (!by.has(Role.PUBLICITY)) {
            throw new AccessDeniedToRecordException("notices");
        }
    }

    private Notice get(ShebaoUser by, long id) {
        clerk(by);
        Notice n = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("notice " + id));
        if (!by.region().covers(new RegionCode(n.regionCode()))) {
            throw new AccessDeniedToRecordException("notice");
        }
        return n;
    }

    private static final String SELECT = "SELECT id, region_code, title, body, audience, channels, published, state,"
            + " audience_count, delivery_count, created_by, created_at, sent_by, sent_at FROM notification_notice";

    private Notice row(ResultSet rs, int i) throws SQLException {
        return new Notice(rs.getLong("id"), rs.getString("region_code"), rs.getString("title"), rs.getString("body"),
                rs.getString("audience"), Arrays.stream(rs.getString("channels").split(","))
                .map(NotificationChannel::valueOf).toList(), rs.getBoolean("published"), rs.getString("state"),
                rs.getInt("audience_count"), (Integer) rs.getObject("delivery_count"), rs.getString("created_by"),
                zoned(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("sent_by"),
                zoned(rs.getObject("sent_at", OffsetDateTime.class)));
    }

    private OffsetDateTime zoned(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
