package org.shebao.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.shebao.common.RegionCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shebao.casework.CaseStatusChanged;
import org.shebao.casework.CommitmentDeadlineChanged;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Persons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.contribution.DeferralDeadlineChanged;
import org.shebao.identity.Users;
import org.shebao.workinjury.ReappraisalWindowChanged;
import org.shebao.hall.IncidentAwaits;
import org.shebao.hall.StaffHealthFlagged;
import org.shebao.transfer.TransferStatus;
import org.shebao.transfer.TemporaryAccountChanged;
import org.shebao.transfer.TransferStepped;

/**
 * The outbox: messages are written in the transaction of the change they report (so none is lost and none is sent
 * for a change rolled back), then delivered by the channel adapters; several platform instances can share the
 * work (rows are claimed with FOR UPDATE SKIP LOCKED).
 */
@Service
public class Notifications {
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The national region code, for a message that no person or user places in a region. */
    private static final String NATIONAL = "000000";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batchJdbc;
    private final Clock clock;
    private final MessageSource messages;
    private final Persons persons;
    private final Users users;
    private final Map<NotificationChannel, ChannelAdapter> adapters = new EnumMap<>(NotificationChannel.class);

    Notifications(JdbcClient jdbc, NamedParameterJdbcTemplate batchJdbc, Clock clock, MessageSource messages,
                  Persons persons, Users users, List<ChannelAdapter> adapters) {
        this.users = users;
        this.jdbc = jdbc;
        this.batchJdbc = batchJdbc;
        this.clock = clock;
        this.messages = messages;
        this.persons = persons;
        adapters.forEach(a -> this.adapters.put(a.channel(), a));
    }

    @ApplicationModuleListener
    void onCaseStep(CaseStatusChanged e) {
        String type = messages.getMessage("casetype." + e.type(), null, e.type().name(), ZH);
        String status = messages.getMessage("case.status." + e.to(), null, e.to().name(), ZH);
        String body = messages.getMessage("notify.case.body", new Object[] {type, e.reference(), status}, ZH);
        if (e.reason() != null) {
            body += messages.getMessage("notify.case.reason", new Object[] {e.reason()}, ZH);
        }
        if (e.missing() != null && !e.missing().isEmpty()) {
            body += messages.getMessage("notify.case.missing", new Object[] {String.join("、",
                    e.missing().stream().map(m -> messages.getMessage("material." + m, null, m, ZH)).toList())}, ZH);
        }
        queue(e.applicantUser(), e.personId(), messages.getMessage("notify.case.subject", new Object[] {type}, ZH),
                body, "/portal/cases/" + e.caseId());
    }

    @ApplicationModuleListener
    void onCommitmentDeadline(CommitmentDeadlineChanged e) {
        String item = messages.getMessage("material." + e.item(), null, e.item(), ZH);
        String body = e.dueOn() == null
                ? messages.getMessage("notify.commitment.pending", new Object[] {e.reference(), item}, ZH)
                : messages.getMessage("notify.commitment.due", new Object[] {e.reference(), item, e.dueOn().toString()}, ZH);
        queue(e.applicantUser(), e.personId(), messages.getMessage("notify.commitment.subject", null, ZH), body,
                "/portal/cases/" + e.caseId());
    }

    @ApplicationModuleListener
    void onDeferralDeadline(DeferralDeadlineChanged e) {
        String body = e.dueOn() == null
                ? messages.getMessage("notify.deferral.pending", new Object[] {String.valueOf(e.year())}, ZH)
                : messages.getMessage("notify.deferral.due", new Object[] {String.valueOf(e.year()), e.dueOn().toString()}, ZH);
        queue(users.portalUserOf(e.personId()).orElse(null), e.personId(),
                messages.getMessage("notify.deferral.subject", null, ZH), body, "/portal/contributions");
    }

    @ApplicationModuleListener
    void onReappraisalWindow(ReappraisalWindowChanged e) {
        String body = e.dueOn() == null
                ? messages.getMessage("notify.reappraisal.pending", null, ZH)
                : messages.getMessage("notify.reappraisal.due", new Object[] {e.dueOn().toString()}, ZH);
        queue(users.portalUserOf(e.personId()).orElse(null), e.personId(),
                messages.getMessage("notify.reappraisal.subject", null, ZH), body, "/portal/work-injury");
    }

    /** A step of the person's pension transfer (国办发〔2009〕66号): what was done and, while open, when the next is due. */
    @ApplicationModuleListener
    void onTransferStep(TransferStepped e) {
        String status = messages.getMessage("transfer.status." + e.status(), null, e.status().name(), ZH);
        String body = messages.getMessage("notify.transfer.body", new Object[] {e.fromAgency(), e.toAgency(), status}, ZH);
        if (e.status() == TransferStatus.FUNDS_SENT || e.status() == TransferStatus.COMPLETED) {
            body += messages.getMessage(e.temporaryAccount() ? "notify.transfer.temporary" : "notify.transfer.moved", null, ZH);
        }
        if (e.reason() != null) {
            body += messages.getMessage("notify.case.reason", new Object[] {e.reason()}, ZH);
        }
        if (e.dueOn() != null) {
            body += messages.getMessage("notify.transfer.due", new Object[] {e.dueOn().toString()}, ZH);
        }
        queue(users.portalUserOf(e.personId()).orElse(null), e.personId(),
                messages.getMessage("notify.transfer.subject", null, ZH), body, "/portal/transfer");
    }

    /** The person's temporary pension account opened, years recorded into it, or collected (国办发〔2009〕66号). */
    @ApplicationModuleListener
    void onTemporaryAccount(TemporaryAccountChanged e) {
        String body = messages.getMessage("notify.tempAccount." + e.action(), new Object[] {e.holderAgency(),
                e.toAgency(), e.amount().toString(), String.valueOf(e.months())}, ZH);
        queue(users.portalUserOf(e.personId()).orElse(null), e.personId(),
                messages.getMessage("notify.tempAccount.subject", null, ZH), body, "/portal/transfer");
    }

    /** A staff member flagged in the staff health ledger (SX-5): each hall manager of the city is told in-app. */
    @ApplicationModuleListener
    void onStaffHealthFlagged(StaffHealthFlagged e) {
        String why = e.fever()
                ? messages.getMessage("notify.staffHealth.fever", new Object[] {e.temperature().toPlainString()}, ZH)
                : messages.getMessage("notify.staffHealth.symptoms", new Object[] {String.join("、", e.symptoms().stream()
                        .map(s -> messages.getMessage("hall.symptom." + s, null, s, ZH)).toList())}, ZH);
        String subject = messages.getMessage("notify.staffHealth.subject", new Object[] {e.staffName()}, ZH);
        String body = messages.getMessage("notify.staffHealth.body", new Object[] {e.staffName(), e.day().toString(), why}, ZH);
        inApp(users.withRole(Role.HALL_MANAGER, e.regionCode()), e.regionCode(), subject, body,
                "/hall/" + e.hallId() + "/health");
    }

    /**
     * An incident report waits for a level (N-7, FJ-7): reported up to it, or past its time limit. The level's users
     * are told in-app: the city's hall managers and the day's leaders on duty, the province's administrators, the
     * ministry's administrators.
     */
    @ApplicationModuleListener
    void onIncidentAwaits(IncidentAwaits e) {
        RegionCode city = new RegionCode(e.regionCode());
        Set<String> to = new LinkedHashSet<>();
        switch (e.level()) {
            case "CITY" -> {
                to.addAll(users.withRole(Role.HALL_MANAGER, e.regionCode()));
                to.addAll(e.dutyLeaders());
            }
            case "PROVINCE" -> to.addAll(users.withRole(Role.ADMIN, city.province().value()));
            default -> to.addAll(users.withRole(Role.ADMIN, NATIONAL));
        }
        String kind = messages.getMessage("hall.incident.kind." + e.kind(), null, e.kind(), ZH);
        String level = messages.getMessage("hall.incident.level." + e.level(), null, e.level(), ZH);
        String due = MINUTES.format(e.dueAt());
        String which = e.overdue() ? "overdue" : "reported";
        inApp(List.copyOf(to), e.regionCode(),
                messages.getMessage("notify.incident." + which + ".subject", new Object[] {kind, e.hallName()}, ZH),
                messages.getMessage("notify.incident." + which + ".body", new Object[] {kind, e.hallName(), level, due}, ZH),
                "/incidents/" + e.incidentId());
    }

    /** One in-app message for each staff user named, filed in the region given. */
    private void inApp(List<String> recipients, String region, String subject, String body, String link) {
        for (String user : recipients) {
            jdbc.sql("INSERT INTO notification_outbox (recipient_user, region_code, channel, subject, body, link, created_at)"
                            + " VALUES (:u, :r, 'IN_APP', :s, :b, :link, :now)")
                    .param("u", user).param("r", region).param("s", subject).param("b", body)
                    .param("link", link).param("now", OffsetDateTime.now(clock)).update();
        }
    }

    /** One message for a person, on every channel that can reach them. */
    private void queue(String user, Long personId, String subject, String body, String link) {
        String phone = personId == null ? null : persons.phoneOf(personId).orElse(null);
        // the message is filed in the region of the person it is addressed to (the distribution column), else of the
        // user (an applicant not registered yet), else the national one
        String region = (personId != null ? persons.regionOf(personId)
                : user != null ? users.regionOf(user) : Optional.<String>empty()).orElse(NATIONAL);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<NotificationChannel> reached = new ArrayList<>();
        for (NotificationChannel ch : NotificationChannel.CASE_CHANNELS) {
            if (ch == NotificationChannel.IN_APP && user == null) {
                continue;
            }
            if (ch == NotificationChannel.SMS && phone == null) {
                continue;
            }
            if (ch == NotificationChannel.WECHAT && user == null) {
                continue;
            }
            reached.add(ch);
        }
        if (reached.isEmpty()) {
            return;
        }
        // one statement for all channels
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < reached.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("(:u, :p, :region, :phone").append(i).append(", :ch").append(i)
                    .append(", :s, :b, :link, :now)");
        }
        JdbcClient.StatementSpec insert = jdbc.sql("INSERT INTO notification_outbox (recipient_user, person_id,"
                        + " region_code, phone, channel, subject, body, link, created_at) VALUES " + values)
                .param("u", user).param("p", personId).param("region", region).param("s", subject)
                .param("b", body.length() > 1000 ? body.substring(0, 1000) : body).param("link", link).param("now", now);
        for (int i = 0; i < reached.size(); i++) {
            NotificationChannel ch = reached.get(i);
            insert = insert.param("phone" + i, ch == NotificationChannel.SMS ? phone : null).param("ch" + i, ch.name());
        }
        insert.update();
    }

    /** Delivers what is waiting (OutboxDispatch calls it every few seconds); returns how many were delivered. */
    @Transactional
    public int dispatch() {
        List<Message> batch = jdbc.sql(SELECT + " WHERE sent_at IS NULL ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED")
                .query(this::row).list();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<MapSqlParameterSource> delivered = new ArrayList<>();
        for (Message m : batch) {
            String delivery;
            try {
                delivery = adapters.get(m.channel()).deliver(m);
            } catch (RuntimeException ex) {
                log.warn("Delivery of message {} on {} failed: {}", m.id(), m.channel(), ex.getMessage());
                continue;
            }
            delivered.add(new MapSqlParameterSource().addValue("now", now)
                    .addValue("d", delivery.length() > 500 ? delivery.substring(0, 500) : delivery).addValue("id", m.id()));
        }
        if (!delivered.isEmpty()) { // one round trip for the batch
            batchJdbc.batchUpdate("UPDATE notification_outbox SET sent_at = :now, delivery = :d WHERE id = :id",
                    delivered.toArray(MapSqlParameterSource[]::new));
        }
        return batch.size();
    }

    /** The portal user's in-app messages, newest first. */
    public List<Message> inbox(ShebaoUser user) {
        return jdbc.sql(SELECT + " WHERE recipient_user = :u AND channel = 'IN_APP' ORDER BY id DESC LIMIT 50")
                .param("u", user.getUsername()).query(this::row).list();
    }

    public int unread(ShebaoUser user) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE recipient_user = :u AND channel = 'IN_APP'"
                        + " AND read_at IS NULL").param("u", user.getUsername()).query(Integer.class).single();
    }

    @Transactional
    public void markRead(ShebaoUser user) {
        jdbc.sql("UPDATE notification_outbox SET read_at = :now WHERE recipient_user = :u AND channel = 'IN_APP'"
                        + " AND read_at IS NULL").param("now", OffsetDateTime.now(clock)).param("u", user.getUsername())
                .update();
    }

    /** Everything queued for a person on every channel (staff: what the applicant was told). */
    public List<Message> forPerson(ShebaoUser staff, long personId) {
        if (!staff.isStaff() || staff.has(Role.EMPLOYER)) {
            throw new AccessDeniedToRecordException("messages");
        }
        persons.person(staff, personId);
        return jdbc.sql(SELECT + " WHERE person_id = :p ORDER BY id DESC LIMIT 100").param("p", personId)
                .query(this::row).list();
    }

    private static final String SELECT = "SELECT id, recipient_user, person_id, phone, channel, subject, body, link,"
            + " created_at, sent_at, delivery, read_at, notice_id FROM notification_outbox";

    private Message row(ResultSet rs, int i) throws SQLException {
        return new Message(rs.getLong("id"), rs.getString("recipient_user"), (Long) rs.getObject("person_id"), rs.getString("phone"),
                NotificationChannel.valueOf(rs.getString("channel")), rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                zoned(rs.getObject("created_at", OffsetDateTime.class)), zoned(rs.getObject("sent_at", OffsetDateTime.class)),
                rs.getString("delivery"), zoned(rs.getObject("read_at", OffsetDateTime.class)),
                (Long) rs.getObject("notice_id"));
    }

    private OffsetDateTime zoned(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }
}
