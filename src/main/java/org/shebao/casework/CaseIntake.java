package org.shebao.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.shebao.casework.CaseStore.Column;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.FieldViolation;
import org.shebao.common.InvalidInputException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Implements;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.Employer;
import org.shebao.registry.Employers;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.RecordHolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.micrometer.core.instrument.Metrics;

/**
 * Applications coming in, for every business type: a submission (idempotent, with its materials, commitments and
 * flags, its time limit) and the applicant's resubmission of what a return asked for. Uploads and commitments are
 * checked in one place for both.
 */
@Implements(measure = "COMMITMENT_RULE", rule = "办件受理：缺少的材料凭签署的承诺书先行办理，列入网上申报业务台帐",
        ruleEn = "Case intake: a missing item covered by a signed commitment letter, entered in the deferred-materials ledger")
@Implements(measure = "ONLINE_FIRST", rule = "办件受理：网上、掌上提交的业务标识不见面办理，全程可查询进度",
        ruleEn = "Case intake: online and app submissions flagged no-face-to-face, status visible throughout")
@Implements(measure = "ONLINE_BENEFIT_APPLICATION", rule = "办件受理：待遇申领（退休、工伤）网上受理和初审",
        ruleEn = "Case intake: benefit applications (retirement, work injury) accepted and pre-reviewed online")
@Service
@RequiredArgsConstructor
public class CaseIntake {
    private static final Logger log = LoggerFactory.getLogger(CaseIntake.class);

    /** The result of a submission: the case, and whether this request created it (false: an idempotent repeat). */
    public record Submitted(Case c, boolean created) {
    }

    private final CaseStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Persons persons;
    private final RecordHolders holders;
    private final Employers employers;
    private final Measures measures;
    private final Deadlines deadlines;
    private final Parameters parameters;
    private final Archive archive;
    private final ApplicationEventPublisher events;

    @Transactional
    public Submitted submit(ShebaoUser by, Submission s) {
        String key = s.idempotencyKey() == null || s.idempotencyKey().isBlank() ? null : s.idempotencyKey().strip();
        if (key != null && key.length() > 80) {
            throw InvalidInputException.of("idempotencyKey", "error.tooLong", 80);
        }
        if (key != null) {
            Optional<Case> earlier = store.byIdempotencyKey(by.getUsername(), key);
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), false);
            }
        }
        CaseTypeHandler handler = store.handler(s.type());
        Person person = null;
        Person signer = null;
        Employer employer = null;
        RegionCode region;
        Map<String, String> form;
        if (handler.employerCase()) {
            employer = employerApplicant(by, s);
            region = new RegionCode(employer.regionCode());
            form = handler.checkEmployer(by, employer.id(), s.form());
            if (!s.commitments().isEmpty()) {
                throw InvalidInputException.of("commitments", "error.case.employerCommitments");
            }
        } else {
            person = applicant(by, s);
            form = handler.check(by, person, s.form());
            signer = person;
            Person subject = handler.subject(form);
            if (subject != null) { // a claim about another person: the case is theirs, the applicant signs
                form = new LinkedHashMap<>(form);
                form.put(Case.APPLICANT_PERSON_ID, String.valueOf(signer.id()));
                person = subject;
            }
            // the agency holding the person's record handles the case (after a transfer: the receiving agency's)
            region = new RegionCode(holders.holdingRegion(person.id()));
        }
        LocalDate today = LocalDate.now(clock);

        Violations v = new Violations();
        Map<String, ChecklistItem> checklist = new LinkedHashMap<>();
        handler.checklist().forEach(i -> checklist.put(i.code(), i));
        Set<String> uploaded = new LinkedHashSet<>();
        MeasureStatus commitmentRule = checkMaterials(v, checklist.keySet(), "error.material.unknownItem", s.uploads(),
                s.commitments(), s.signature(), signer, region, today, uploaded);
        v.throwIfAny();

        List<CaseFlag> flags = new ArrayList<>();
        if (s.channel() == Channel.WEB || s.channel() == Channel.MOBILE_API) {
            MeasureStatus online = measures.status(CaseFlags.ONLINE_FIRST, region, today);
            if (online.inForce()) {
                flags.add(new CaseFlag(CaseFlags.ONLINE_FIRST, online.clauses()));
            }
            if (handler.benefit()) {
                MeasureStatus benefitOnline = measures.status(CaseFlags.ONLINE_BENEFIT_APPLICATION, region, today);
                if (benefitOnline.inForce()) {
                    flags.add(new CaseFlag(CaseFlags.ONLINE_BENEFIT_APPLICATION, benefitOnline.clauses()));
                }
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
        String applicantUser = by.has(Role.INSURED_PERSON, Role.EMPLOYER) ? by.getUsername() : null;
        List<Long> inserted = jdbc.sql("""
                INSERT INTO casework_case (id, reference, type, person_id, employer_id, applicant_name, applicant_id,
                       region_code, channel, submitted_by, applicant_user, received_at, status, priority, due_on, flags,
                       form, missing, idempotency_key, updated_at)
                VALUES (:id, :ref, :type, :person, :employer, :name, :masked, :region, :channel, :by, :applicant, :now,
                        'SUBMITTED', :priority, :due, :flags, :form, :missing, :key, :now)
                ON CONFLICT (submitted_by, idempotency_key, region_code) DO NOTHING RETURNING id""")
                .param("id", id).param("ref", reference).param("type", handler.type().name())
                .param("person", person == null ? null : person.id(), java.sql.Types.BIGINT)
                .param("employer", employer == null ? null : employer.id(), java.sql.Types.BIGINT)
                .param("name", person != null ? person.name() : employer.name())
                .param("masked", person != null ? person.maskedIdNumber() : maskedCreditCode(employer.creditCode()))
                .param("region", region.value())
                .param("channel", s.channel().name()).param("by", by.getUsername()).param("applicant", applicantUser)
                .param("now", now).param("priority", green ? 1 : 0).param("due", due).param("flags", store.write(flags))
                .param("form", store.write(form)).param("missing", store.write(missing)).param("key", key)
                .query(Long.class).list();
        if (inserted.isEmpty()) {
            // the same key was submitted concurrently and won: answer with that case
            return new Submitted(store.byIdempotencyKey(by.getUsername(), key).orElseThrow(), false);
        }
        for (Upload u : s.uploads()) {
            store.addMaterial(id, region.value(), u, s.channel(), by.getUsername(), now);
        }
        for (String item : s.commitments()) {
            store.addCommitment(id, reference, signer, region, item, commitmentRule, by, now, today);
        }
        store.history(id, region.value(), "SUBMIT", null, CaseStatus.SUBMITTED, by.getUsername(), now, null,
                s.channel() + (missing.isEmpty() ? "" : "；缺 " + String.join("、", missing)));
        Case c = store.load(id);
        log.info("Case {} ({}) submitted by {} via {}{}", reference, handler.type(), by.getUsername(), s.channel(),
                green ? " [green channel]" : "");
        events.publishEvent(new CaseStatusChanged(id, reference, c.type(), c.notifiedPersonId(), c.applicantUser(), "SUBMIT",
                null, CaseStatus.SUBMITTED, null, missing));
        Metrics.counter("shebao.cases.submitted", "type", c.type().name(),
                "channel", s.channel().name()).increment();
        return new Submitted(c, true);
    }

    /** The applicant sends what the return asked for (files, or commitments where the rule is in force). */
    @Transactional
    public Case resubmit(ShebaoUser by, long id, int version, List<Upload> uploads, Set<String> commitments,
                         String signature) {
        Case c = store.get(by, id);
        if (!by.has(Role.INSURED_PERSON, Role.EMPLOYER) && !by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("case");
        }
        CaseStep.RESUBMIT.from(c.status());
        // who signs: the portal applicant (of a claim about another person too), or the case's person
        Person person = c.personId() == null ? null : by.has(Role.INSURED_PERSON) && by.personId() != null
                ? persons.person(by, by.personId()) : persons.person(by, c.personId());
        if (person == null && commitments != null && !commitments.isEmpty()) {
            throw InvalidInputException.of("commitments", "error.case.employerCommitments");
        }
        RegionCode region = new RegionCode(c.regionCode());
        LocalDate today = LocalDate.now(clock);
        Violations v = new Violations();
        Set<String> covered = new LinkedHashSet<>();
        MeasureStatus rule = checkMaterials(v, c.missing(), "error.material.notAsked", uploads, commitments, signature,
                person, region, today, covered);
        covered.addAll(commitments);
        List<String> still = c.missing().stream().filter(m -> !covered.contains(m)).toList();
        if (!still.isEmpty()) {
            v.add("materials", "error.case.stillMissing", String.join("、", still));
        }
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Channel channel = by.isStaff() ? c.channel() : (c.channel() == Channel.MOBILE_API ? Channel.MOBILE_API : Channel.WEB);
        for (Upload u : uploads) {
            store.addMaterial(id, c.regionCode(), u, channel, by.getUsername(), now);
        }
        Map<Column, Object> columns = new LinkedHashMap<>();
        columns.put(Column.MISSING, List.of());
        if (rule != null) {
            for (String item : commitments) {
                store.addCommitment(id, c.reference(), person, region, item, rule, by, now, today);
            }
            if (!c.hasFlag(CaseFlags.COMMITMENT_RULE)) {
                List<CaseFlag> f = new ArrayList<>(c.flags());
                f.add(new CaseFlag(CaseFlags.COMMITMENT_RULE, rule.clauses()));
                columns.put(Column.FLAGS, f);
            }
        }
        store.move(c, version, CaseStep.RESUBMIT, by, null, String.join("、", c.missing()), columns);
        return store.load(id);
    }

    /**
     * Uploads and commitments, checked in one place: each names an item that may be sent ({@code allowed}; else
     * {@code notAllowed}), each file passes the archive's content check, an item is either uploaded or committed,
     * and commitments need the rule in force and the applicant's name as signature. Adds the items uploaded to
     * {@code uploaded}; returns the commitment rule's status when there are commitments.
     */
    private MeasureStatus checkMaterials(Violations v, Collection<String> allowed, String notAllowed, List<Upload> uploads,
                                         Set<String> commitments, String signature, Person person, RegionCode region,
                                         LocalDate today, Set<String> uploaded) {
        for (Upload u : uploads) {
            if (!allowed.contains(u.item())) {
                v.add("materials", notAllowed, u.item());
                continue;
            }
            FieldViolation bad = archive.check(u);
            if (bad != null) {
                v.add(bad.field(), bad.code(), bad.args().toArray());
            } else {
                uploaded.add(u.item());
            }
        }
        for (String item : commitments) {
            if (!allowed.contains(item)) {
                v.add("commitments", notAllowed, item);
            } else if (uploaded.contains(item)) {
                v.add("commitments", "error.commitment.alreadyUploaded", item);
            }
        }
        if (commitments.isEmpty()) {
            return null;
        }
        MeasureStatus rule = measures.status(CaseFlags.COMMITMENT_RULE, region, today);
        if (!rule.inForce()) {
            v.add("commitments", "error.commitment.notInForce");
        } else if (signature == null || !signature.strip().equals(person.name())) {
            v.add("signature", "error.commitment.signature", person.name());
        }
        return rule;
    }

    /**
     * The employer applied for: the employer's own portal user's unit (online), or (a clerk on an assisted channel)
     * the unit named by the form's {@code employerId}, of the clerk's region.
     */
    private Employer employerApplicant(ShebaoUser by, Submission s) {
        if (by.has(Role.EMPLOYER)) {
            if (s.channel().assisted()) {
                throw InvalidInputException.of("channel", "error.case.channel");
            }
            return employers.employer(by, by.employerId());
        }
        if (by.has(Role.CLERK, Role.ADMIN)) {
            if (!s.channel().assisted()) {
                throw InvalidInputException.of("channel", "error.case.channel");
            }
            String raw = s.form().get("employerId");
            if (raw == null || raw.isBlank()) {
                throw InvalidInputException.of("employerId", "error.required");
            }
            if (!raw.strip().matches("\\d{1,18}")) {
                throw InvalidInputException.of("employerId", "error.enrollment.employerUnknown", raw.strip());
            }
            return employers.employer(by, Long.parseLong(raw.strip()));
        }
        if (by.has(Role.INSURED_PERSON)) {
            throw InvalidInputException.of("type", "error.case.employerOnly");
        }
        throw new AccessDeniedToRecordException("case submission");
    }

    /** A credit code as a case list shows it: the region part and the check character, the rest masked. */
    public static String maskedCreditCode(String code) {
        return code.substring(0, 8) + "*".repeat(9) + code.substring(17);
    }

    /** The person applied for: the portal user themself, or (a clerk on an assisted channel) the ID number given. */
    private Person applicant(ShebaoUser by, Submission s) {
        if (by.has(Role.INSURED_PERSON)) {
            if (s.channel().assisted()) {
                throw InvalidInputException.of("channel", "error.case.channel");
            }
            Person self = persons.person(by, by.personId());
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
            Person p = persons.personByIdNumber(by, s.personIdNumber(), "idNumber")
                    .orElseThrow(() -> InvalidInputException.of("idNumber", "error.case.personUnknown"));
            // an agency that no longer holds the record (it was transferred away) opens no new case for the person
            persons.requireHolder(by, p, "idNumber");
            return p;
        }
        throw new AccessDeniedToRecordException("case submission");
    }
}
