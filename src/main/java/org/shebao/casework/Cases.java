package org.shebao.casework;

import org.shebao.policy.Implements;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadlines;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.Person;
import org.shebao.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case machinery shared by every business type: submission (idempotent, with materials, commitments and
 * flags), the workflow with separation of duties and optimistic locking, and the history of every step.
 */
@Implements(measure = "COMMITMENT_RULE", rule = "办件受理：缺少的材料凭签署的承诺书先行办理，列入网上申报业务台帐",
        ruleEn = "Case intake: a missing item covered by a signed commitment letter, entered in the deferred-materials ledger")
@Implements(measure = "ONLINE_FIRST", rule = "办件受理：网上、掌上提交的业务标识不见面办理，全程可查询进度",
        ruleEn = "Case intake: online and app submissions flagged no-face-to-face, status visible throughout")
@Implements(measure = "ONLINE_BENEFIT_APPLICATION", rule = "办件受理：待遇申领（退休、工伤）网上受理和初审",
        ruleEn = "Case intake: benefit applications (retirement, work injury) accepted and pre-reviewed online")
@Service
public class Cases {
    private static final Logger log = LoggerFactory.getLogger(Cases.class);
    /** Owner of this module's tracked deadlines (policy module). */
    public static final String OWNER = "casework";
    static final String COMMITMENT_RULE = "LIFTED_PLUS_3_MONTHS";
    public static final int PAGE_SIZE = 20;
    private static final String SELECT = """
            SELECT id, reference, type, person_id, employer_id, region_code, channel, submitted_by, applicant_user,
                   received_at, status, priority, due_on, flags, form, missing, returned_once, accepted_by, decided_by,
                   decision_reason, version, applicant_name, applicant_id
              FROM casework_case""";

    /** A case as listed: the case and who applied (masked ID number). */
    public record Listed(Case c, String applicantName, String applicantId) {
    }

    /** The result of a submission: the case, and whether this request created it (false: an idempotent repeat). */
    public record Submitted(Case c, boolean created) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Registry registry;
    private final Measures measures;
    private final Deadlines deadlines;
    private final Parameters parameters;
    private final Archive archive;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final org.springframework.beans.factory.ObjectProvider<CaseTypeHandler> handlerProvider;
    private volatile Map<String, CaseTypeHandler> handlers;

    Cases(JdbcClient jdbc, Clock clock, Registry registry, Measures measures, Deadlines deadlines, Parameters parameters,
          Archive archive, ApplicationEventPublisher events, ObjectMapper json,
          org.springframework.beans.factory.ObjectProvider<CaseTypeHandler> handlers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.registry = registry;
        this.measures = measures;
        this.deadlines = deadlines;
        this.parameters = parameters;
        this.archive = archive;
        this.events = events;
        this.json = json;
        this.handlerProvider = handlers; // resolved on first use: a type's handler may itself use this service
    }

    private Map<String, CaseTypeHandler> handlers() {
        Map<String, CaseTypeHandler> h = handlers;
        if (h == null) {
            h = handlerProvider.orderedStream().collect(Collectors.toMap(CaseTypeHandler::type, Function.identity(),
                    (a, b) -> a, LinkedHashMap::new));
            handlers = h;
        }
        return h;
    }

    public List<String> types() {
        return List.copyOf(handlers().keySet());
    }

    /** The handler of a type named in a page's address: an unknown one is a page that does not exist (404). */
    public CaseTypeHandler handlerOfPage(String type) {
        CaseTypeHandler h = handlers().get(type);
        if (h == null) {
            throw new org.shebao.common.NotFoundException("case type " + type);
        }
        return h;
    }

    public CaseTypeHandler handler(String type) {
        CaseTypeHandler h = handlers().get(type);
        if (h == null) {
            throw InvalidInputException.of("type", "error.case.type", type == null ? "" : type);
        }
        return h;
    }

    // ---------------------------------------------------------------- submission

    @Transactional
    public Submitted submit(ShebaoUser by, Submission s) {
        String key = s.idempotencyKey() == null || s.idempotencyKey().isBlank() ? null : s.idempotencyKey().strip();
        if (key != null && key.length() > 80) {
            throw InvalidInputException.of("idempotencyKey", "error.tooLong", 80);
        }
        if (key != null) {
            Optional<Case> earlier = byIdempotencyKey(by.getUsername(), key);
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        CaseTypeHandler handler = handler(s.type());
        Person person = applicant(by, s);
        RegionCode region = new RegionCode(person.regionCode());
        Map<String, String> form = handler.check(by, person, s.form());
        LocalDate today = LocalDate.now(clock);

        Violations v = new Violations();
        Map<String, ChecklistItem> checklist = new LinkedHashMap<>();
        handler.checklist().forEach(i -> checklist.put(i.code(), i));
        Set<String> uploaded = new LinkedHashSet<>();
        for (Upload u : s.uploads()) {
            if (!checklist.containsKey(u.item())) {
                v.add("materials", "error.material.unknownItem", u.item());
                continue;
            }
            FieldViolation bad = archive.check(u);
            if (bad != null) {
                v.add(bad.field(), bad.code(), bad.args().toArray());
            } else {
                uploaded.add(u.item());
            }
        }
        MeasureStatus commitmentRule = null;
        for (String item : s.commitments()) {
            if (!checklist.containsKey(item)) {
                v.add("commitments", "error.material.unknownItem", item);
            } else if (uploaded.contains(item)) {
                v.add("commitments", "error.commitment.alreadyUploaded", item);
            }
        }
        if (!s.commitments().isEmpty()) {
            commitmentRule = measures.status(CaseFlags.COMMITMENT_RULE, region, today);
            if (!commitmentRule.inForce()) {
                v.add("commitments", "error.commitment.notInForce");
            } else if (s.signature() == null || !s.signature().strip().equals(person.name())) {
                v.add("signature", "error.commitment.signature", person.name());
            }
        }
        v.throwIfAny();

        List<CaseFlag> flags = new ArrayList<>();
        if (s.channel() == Channel.WEB || s.channel() == Channel.MOBILE_API) {
            MeasureStatus online = measures.status(CaseFlags.ONLINE_FIRST, region, today);
            if (online.inForce()) {
                flags.add(new CaseFlag(CaseFlags.ONLINE_FIRST, online.clauses()));
            }
            MeasureStatus benefitOnline = measures.status(CaseFlags.ONLINE_BENEFIT_APPLICATION, region, today);
            if (handler.benefit() && benefitOnline.inForce()) {
                flags.add(new CaseFlag(CaseFlags.ONLINE_BENEFIT_APPLICATION, benefitOnline.clauses()));
            }
        }
        if (commitmentRule != null) {
            flags.add(new CaseFlag(CaseFlags.COMMITMENT_RULE, commitmentRule.clauses()));
        }
        flags.addAll(handler.flags(form, region, today));
        boolean green = flags.stream().anyMatch(f -> f.code().equals(CaseFlags.GREEN_CHANNEL));
        LocalDate due = CaseDueDate.of(handler.timeLimitParameter(), green, region, today, parameters,
                deadlines::plusWorkingDays);
        List<String> missing = checklist.values().stream()
                .filter(i -> i.required() && !uploaded.contains(i.code()) && !s.commitments().contains(i.code()))
                .map(ChecklistItem::code).toList();

        long id = jdbc.sql("SELECT nextval('casework_case_id_seq')").query(Long.class).single();
        String reference = region.value().substring(0, 4) + "-" + today.format(DateTimeFormatter.BASIC_ISO_DATE)
                + "-" + String.format("%06d", id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String applicantUser = by.has(Role.INSURED_PERSON) ? by.getUsername() : null;
        List<Long> inserted = jdbc.sql("""
                INSERT INTO casework_case (id, reference, type, person_id, applicant_name, applicant_id, region_code,
                       channel, submitted_by, applicant_user, received_at, status, priority, due_on, flags, form, missing,
                       idempotency_key, updated_at)
                VALUES (:id, :ref, :type, :person, :name, :masked, :region, :channel, :by, :applicant, :now, 'SUBMITTED',
                        :priority, :due, :flags, :form, :missing, :key, :now)
                ON CONFLICT (submitted_by, idempotency_key) DO NOTHING RETURNING id""")
                .param("id", id).param("ref", reference).param("type", handler.type()).param("person", person.id())
                .param("name", person.name()).param("masked", person.maskedIdNumber()).param("region", region.value())
                .param("channel", s.channel().name()).param("by", by.getUsername()).param("applicant", applicantUser)
                .param("now", now).param("priority", green ? 1 : 0).param("due", due).param("flags", write(flags))
                .param("form", write(form)).param("missing", write(missing)).param("key", key)
                .query(Long.class).list();
        if (inserted.isEmpty()) {
            // the same key was submitted concurrently and won: answer with that case
            return new Submitted(byIdempotencyKey(by.getUsername(), key).orElseThrow(), false);
        }
        for (Upload u : s.uploads()) {
            addMaterial(id, u, s.channel(), by.getUsername(), now);
        }
        for (String item : s.commitments()) {
            addCommitment(id, reference, person, region, item, commitmentRule, by, now, today);
        }
        history(id, "SUBMIT", null, CaseStatus.SUBMITTED, by.getUsername(), now, null,
                s.channel() + (missing.isEmpty() ? "" : "；缺 " + String.join("、", missing)));
        Case c = load(id);
        log.info("Case {} ({}) submitted by {} via {}{}", reference, handler.type(), by.getUsername(), s.channel(),
                green ? " [green channel]" : "");
        events.publishEvent(new CaseStatusChanged(id, reference, c.type(), c.personId(), c.applicantUser(), "SUBMIT",
                null, CaseStatus.SUBMITTED, null, missing));
        io.micrometer.core.instrument.Metrics.counter("shebao.cases.submitted", "type", c.type(),
                "channel", s.channel().name()).increment();
        return new Submitted(c, true);
    }

    /** The person applied for: the portal user themself, or (a clerk on an assisted channel) the ID number given. */
    private Person applicant(ShebaoUser by, Submission s) {
        if (by.has(Role.INSURED_PERSON)) {
            if (s.channel().assisted()) {
                throw InvalidInputException.of("channel", "error.case.channel");
            }
            Person self = registry.person(by, by.personId());
            if (s.personIdNumber() != null && !s.personIdNumber().isBlank()
                    && !s.personIdNumber().strip().equalsIgnoreCase(self.idNumber().value())) {
                throw InvalidInputException.of("idNumber", "error.case.notYourself");
            }
            return self;
        }
        if (by.has(Role.CLERK, Role.ADMIN)) {
            if (!s.channel().assisted()) {
                throw InvalidInputException.of("channel", "error.case.channel");
            }
            if (s.personIdNumber() == null || s.personIdNumber().isBlank()) {
                throw InvalidInputException.of("idNumber", "error.required");
            }
            return registry.personByIdNumber(by, s.personIdNumber(), "idNumber")
                    .orElseThrow(() -> InvalidInputException.of("idNumber", "error.case.personUnknown"));
        }
        throw new AccessDeniedToRecordException("case submission");
    }

    private void addMaterial(long caseId, Upload u, Channel channel, String by, OffsetDateTime now) {
        String sha = archive.store(u.bytes());
        String name = u.fileName() == null || u.fileName().isBlank() ? u.item() : u.fileName().strip();
        jdbc.sql("""
                INSERT INTO casework_material (case_id, item, sha256, file_name, channel, uploaded_by, uploaded_at)
                VALUES (:c, :item, :sha, :name, :channel, :by, :now)""")
                .param("c", caseId).param("item", u.item()).param("sha", sha)
                .param("name", name.length() > 200 ? name.substring(0, 200) : name).param("channel", channel.name())
                .param("by", by).param("now", now).update();
    }

    private void addCommitment(long caseId, String reference, Person person, RegionCode region, String item,
                               MeasureStatus rule, ShebaoUser by, OffsetDateTime now, LocalDate today) {
        String letter = CommitmentLetters.text(person.name(), person.maskedIdNumber(), reference, item, rule.clauseList());
        long id = jdbc.sql("""
                INSERT INTO casework_commitment (case_id, item, region_code, letter, clauses, signed_by, signature, signed_at)
                VALUES (:c, :item, :region, :letter, :clauses, :by, :sig, :now) RETURNING id""")
                .param("c", caseId).param("item", item).param("region", region.value()).param("letter", letter)
                .param("clauses", rule.clauseList()).param("by", by.getUsername()).param("sig", person.name())
                .param("now", now).query(Long.class).single();
        deadlines.track(OWNER, commitmentRef(id), reference + " " + item, region, today, COMMITMENT_RULE);
    }

    static String commitmentRef(long commitmentId) {
        return "commitment:" + commitmentId;
    }

    // ---------------------------------------------------------------- workflow

    @Transactional
    public Case accept(ShebaoUser by, long id, int version) {
        requireRole(by, Role.CLERK, Role.ADMIN);
        Case c = get(by, id);
        requireStatus(c, CaseStatus.SUBMITTED);
        move(c, version, CaseStatus.ACCEPTED, by, "ACCEPT", null, "accepted_by = :by,");
        return load(id);
    }

    /** Returns a case once, with the complete list of what is missing (一次性告知) and the reason. */
    @Transactional
    public Case returnCase(ShebaoUser by, long id, int version, List<String> missing, String rawReason) {
        requireRole(by, Role.CLERK, Role.ADMIN);
        Case c = get(by, id);
        requireStatus(c, CaseStatus.SUBMITTED);
        Violations v = new Violations();
        String reason = v.text(rawReason, "reason", 500, true);
        Set<String> items = handler(c.type()).checklist().stream().map(ChecklistItem::code).collect(Collectors.toSet());
        if (missing == null || missing.isEmpty()) {
            v.add("missing", "error.case.missingList");
        } else {
            missing.stream().filter(m -> !items.contains(m)).forEach(m -> v.add("missing", "error.material.unknownItem", m));
        }
        if (c.returnedOnce()) {
            v.add("missing", "error.case.returnedOnce");
        }
        v.throwIfAny();
        List<String> list = List.copyOf(new LinkedHashSet<>(missing));
        jdbcMove(c, version, CaseStatus.RETURNED, by, "RETURN", reason, String.join("、", list),
                "returned_once = TRUE, missing = :missing,", Map.of("missing", write(list)));
        return load(id);
    }

    /** The applicant sends what the return asked for (files, or commitments where the rule is in force). */
    @Transactional
    public Case resubmit(ShebaoUser by, long id, int version, List<Upload> uploads, Set<String> commitments,
                         String signature) {
        Case c = get(by, id);
        if (!by.has(Role.INSURED_PERSON) && !by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("case");
        }
        requireStatus(c, CaseStatus.RETURNED);
        Person person = registry.person(by.isStaff() ? by : by, c.personId());
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        Set<String> covered = new LinkedHashSet<>();
        for (Upload u : uploads) {
            if (!c.missing().contains(u.item())) {
                v.add("materials", "error.material.notAsked", u.item());
                continue;
            }
            FieldViolation bad = archive.check(u);
            if (bad != null) {
                v.add(bad.field(), bad.code(), bad.args().toArray());
            } else {
                covered.add(u.item());
            }
        }
        MeasureStatus rule = null;
        if (!commitments.isEmpty()) {
            rule = measures.status(CaseFlags.COMMITMENT_RULE, region, today);
            if (!rule.inForce()) {
                v.add("commitments", "error.commitment.notInForce");
            } else if (signature == null || !signature.strip().equals(person.name())) {
                v.add("signature", "error.commitment.signature", person.name());
            }
            commitments.stream().filter(i -> !c.missing().contains(i) || covered.contains(i))
                    .forEach(i -> v.add("commitments", "error.material.notAsked", i));
            covered.addAll(commitments);
        }
        List<String> still = c.missing().stream().filter(m -> !covered.contains(m)).toList();
        if (!still.isEmpty()) {
            v.add("materials", "error.case.stillMissing", String.join("、", still));
        }
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Channel channel = by.isStaff() ? c.channel() : (c.channel() == Channel.MOBILE_API ? Channel.MOBILE_API : Channel.WEB);
        for (Upload u : uploads) {
            addMaterial(id, u, channel, by.getUsername(), now);
        }
        String flags = null;
        if (rule != null) {
            for (String item : commitments) {
                addCommitment(id, c.reference(), person, region, item, rule, by, now, today);
            }
            if (!c.hasFlag(CaseFlags.COMMITMENT_RULE)) {
                List<CaseFlag> f = new ArrayList<>(c.flags());
                f.add(new CaseFlag(CaseFlags.COMMITMENT_RULE, rule.clauses()));
                flags = write(f);
            }
        }
        jdbcMove(c, version, CaseStatus.SUBMITTED, by, "RESUBMIT", null, String.join("、", c.missing()),
                (flags == null ? "" : "flags = :flags,") + " missing = '[]',",
                flags == null ? Map.of() : Map.of("flags", flags));
        return load(id);
    }

    @Transactional
    public Case preReview(ShebaoUser by, long id, int version, String rawOpinion) {
        requireRole(by, Role.CLERK, Role.REVIEWER, Role.ADMIN);
        Case c = get(by, id);
        requireStatus(c, CaseStatus.ACCEPTED);
        Violations v = new Violations();
        String opinion = v.text(rawOpinion, "opinion", 500, false);
        v.throwIfAny();
        move(c, version, CaseStatus.PRE_REVIEWED, by, "PRE_REVIEW", opinion, "");
        return load(id);
    }

    @Transactional
    public Case approve(ShebaoUser by, long id, int version) {
        requireRole(by, Role.REVIEWER, Role.ADMIN);
        Case c = get(by, id);
        requireStatus(c, CaseStatus.PRE_REVIEWED);
        requireOtherThanAcceptor(by, c);
        Integer waitsFor = handler(c.type()).approvalWaitsFor();
        if (waitsFor != null) {
            throw new ConflictException("status", "error.case.approvalNotBuilt", String.valueOf(waitsFor));
        }
        move(c, version, CaseStatus.APPROVED, by, "APPROVE", null, "decided_by = :by,");
        Case approved = load(id);
        handler(c.type()).onApproved(by, approved);
        return approved;
    }

    @Transactional
    public Case reject(ShebaoUser by, long id, int version, String rawReason) {
        requireRole(by, Role.REVIEWER, Role.ADMIN);
        Case c = get(by, id);
        if (c.status() != CaseStatus.ACCEPTED && c.status() != CaseStatus.PRE_REVIEWED) {
            throw new ConflictException("status", "error.case.status", c.status().name());
        }
        requireOtherThanAcceptor(by, c);
        Violations v = new Violations();
        String reason = v.text(rawReason, "reason", 500, true);
        v.throwIfAny();
        jdbcMove(c, version, CaseStatus.REJECTED, by, "REJECT", reason, null,
                "decided_by = :by, decision_reason = :reason,", Map.of("reason", reason));
        return load(id);
    }

    private static void requireOtherThanAcceptor(ShebaoUser by, Case c) {
        if (by.getUsername().equals(c.acceptedBy())) {
            throw new ConflictException("decision", "error.case.sameAsAcceptor");
        }
    }

    private void move(Case c, int version, CaseStatus to, ShebaoUser by, String action, String reason, String set) {
        jdbcMove(c, version, to, by, action, reason, null, set, Map.of());
    }

    private void jdbcMove(Case c, int version, CaseStatus to, ShebaoUser by, String action, String reason,
                          String details, String set, Map<String, Object> params) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        JdbcClient.StatementSpec sql = jdbc.sql("UPDATE casework_case SET " + set + " status = :to, updated_at = :now,"
                        + " version = version + 1 WHERE id = :id AND version = :version AND status = :from")
                .param("to", to.name()).param("now", now).param("id", c.id()).param("version", version)
                .param("from", c.status().name());
        if (set.contains(":by")) {
            sql = sql.param("by", by.getUsername());
        }
        for (Map.Entry<String, Object> p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        if (sql.update() == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        history(c.id(), action, c.status(), to, by.getUsername(), now, reason, details);
        List<String> missing = to == CaseStatus.RETURNED ? load(c.id()).missing() : List.of();
        events.publishEvent(new CaseStatusChanged(c.id(), c.reference(), c.type(), c.personId(), c.applicantUser(),
                action, c.status(), to, reason, missing));
    }

    private void history(long caseId, String action, CaseStatus from, CaseStatus to, String actor, OffsetDateTime at,
                         String reason, String details) {
        jdbc.sql("""
                INSERT INTO casework_history (case_id, action, from_status, to_status, actor, at, reason, details)
                VALUES (:c, :a, :from, :to, :actor, :at, :reason, :details)""")
                .param("c", caseId).param("a", action).param("from", from == null ? null : from.name())
                .param("to", to.name()).param("actor", actor).param("at", at).param("reason", reason)
                .param("details", details).update();
    }

    /** Records a step that does not change the status (e.g. a late material arrived), in the same history. */
    void note(long caseId, String action, String actor, String details) {
        Case c = load(caseId);
        history(caseId, action, c.status(), c.status(), actor, OffsetDateTime.now(clock), null, details);
    }

    private static void requireRole(ShebaoUser by, Role... roles) {
        if (!by.has(roles)) {
            throw new AccessDeniedToRecordException("case action");
        }
    }

    private static void requireStatus(Case c, CaseStatus expected) {
        if (c.status() != expected) {
            throw new ConflictException("status", "error.case.status", c.status().name());
        }
    }

    // ---------------------------------------------------------------- reading

    /** A case the user may see: staff of its region (and above), or the applicant. */
    public Case get(ShebaoUser by, long id) {
        Case c = load(id);
        requireAccess(by, c);
        return c;
    }

    void requireAccess(ShebaoUser by, Case c) {
        boolean ok = by.isStaff() ? by.region().covers(new RegionCode(c.regionCode()))
                : by.has(Role.INSURED_PERSON) && c.personId() != null && c.personId().equals(by.personId());
        if (!ok) {
            throw new AccessDeniedToRecordException("case");
        }
    }

    Case load(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional()
                .map(Listed::c).orElseThrow(() -> new NotFoundException("case " + id));
    }

    public Listed listed(ShebaoUser by, long id) {
        Listed l = jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("case " + id));
        requireAccess(by, l.c());
        return l;
    }

    private Optional<Case> byIdempotencyKey(String user, String key) {
        return jdbc.sql(SELECT + " WHERE submitted_by = :u AND idempotency_key = :k").param("u", user).param("k", key)
                .query(this::row).optional().map(Listed::c);
    }

    /**
     * The work queue of a staff user's region: green-channel cases first, then by time limit and arrival.
     * {@code status} null: every open case.
     */
    public List<Listed> queue(ShebaoUser by, CaseStatus status, String type, int page) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("queue");
        }
        String where = " WHERE region_code LIKE :scope AND "
                + (status == null ? "status NOT IN ('APPROVED','REJECTED')" : "status = :status")
                + (type == null || type.isBlank() ? "" : " AND type = :type");
        JdbcClient.StatementSpec q = jdbc.sql(SELECT + where
                        + " ORDER BY priority DESC, due_on, received_at, id LIMIT :limit OFFSET :offset")
                .param("scope", by.region().scopePrefix() + "%").param("limit", PAGE_SIZE)
                .param("offset", org.shebao.common.Paging.offset(page, PAGE_SIZE));
        if (status != null) {
            q = q.param("status", status.name());
        }
        if (type != null && !type.isBlank()) {
            q = q.param("type", type);
        }
        return q.query(this::row).list();
    }

    /** The portal user's own cases, newest first. */
    public List<Listed> mine(ShebaoUser by) {
        if (!by.has(Role.INSURED_PERSON) || by.personId() == null) {
            throw new AccessDeniedToRecordException("cases");
        }
        return jdbc.sql(SELECT + " WHERE person_id = :p ORDER BY received_at DESC, id DESC LIMIT 100")
                .param("p", by.personId()).query(this::row).list();
    }

    public List<HistoryEntry> history(ShebaoUser by, long id) {
        get(by, id);
        return jdbc.sql("SELECT id, action, from_status, to_status, actor, at, reason, details FROM casework_history"
                        + " WHERE case_id = :c ORDER BY id")
                .param("c", id)
                .query((rs, i) -> new HistoryEntry(rs.getLong(1), rs.getString(2),
                        rs.getString(3) == null ? null : CaseStatus.valueOf(rs.getString(3)),
                        CaseStatus.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                        rs.getString(7), rs.getString(8)))
                .list();
    }

    public List<Material> materials(ShebaoUser by, long caseId) {
        get(by, caseId);
        return jdbc.sql("""
                        SELECT m.id, m.case_id, m.item, m.sha256, a.content_type, a.size_bytes, m.file_name, m.channel,
                               m.uploaded_by, m.uploaded_at
                          FROM casework_material m JOIN casework_archive a ON a.sha256 = m.sha256
                         WHERE m.case_id = :c ORDER BY m.id""")
                .param("c", caseId)
                .query((rs, i) -> new Material(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), Channel.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
                .list();
    }

    /** A material's file, for someone who may see its case. */
    public Map.Entry<Material, byte[]> materialContent(ShebaoUser by, long caseId, long materialId) {
        Material m = materials(by, caseId).stream().filter(x -> x.id() == materialId).findFirst()
                .orElseThrow(() -> new NotFoundException("material " + materialId));
        return Map.entry(m, archive.content(m.sha256()));
    }

    // ---------------------------------------------------------------- mapping

    private Listed row(ResultSet rs, int i) throws SQLException {
        Case c = new Case(rs.getLong("id"), rs.getString("reference"), rs.getString("type"),
                (Long) rs.getObject("person_id"), (Long) rs.getObject("employer_id"), rs.getString("region_code"),
                Channel.valueOf(rs.getString("channel")), rs.getString("submitted_by"), rs.getString("applicant_user"),
                rs.getObject("received_at", OffsetDateTime.class).atZoneSameInstant(clock.getZone()).toOffsetDateTime(),
                CaseStatus.valueOf(rs.getString("status")), rs.getInt("priority"),
                rs.getObject("due_on", LocalDate.class), read(rs.getString("flags"), new TypeReference<List<CaseFlag>>() { }),
                read(rs.getString("form"), new TypeReference<Map<String, String>>() { }),
                read(rs.getString("missing"), new TypeReference<List<String>>() { }), rs.getBoolean("returned_once"),
                rs.getString("accepted_by"), rs.getString("decided_by"), rs.getString("decision_reason"),
                rs.getInt("version"));
        return new Listed(c, rs.getString("applicant_name"), rs.getString("applicant_id"));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String s, TypeReference<T> type) {
        try {
            return json.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
