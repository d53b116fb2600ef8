package org.shebao.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import org.shebao.casework.Certificates;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.pension.Awards;
import org.shebao.policy.Deadlines;
import org.shebao.policy.Implements;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.MeasureStatus;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.shebao.registry.RecordHolders;
import org.shebao.contribution.Contributions;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications for a pension transfer and what the person and the agencies see of them (国办发〔2009〕66号 暂行办法
 * 第八条第（一）项: the person applies to the new place's agency). The steps that follow: {@link TransferSteps}.
 */
@Implements(measure = "PENSION_TRANSFER_ONLINE",
        rule = "养老保险关系转移接续全程网办：网上申请、电子联系函、电子参保缴费凭证和信息表（电子印章）、基金转移记账、接收并合并缴费记录，各环节15个工作日时限",
        ruleEn = "Pension transfers online end to end: online application, electronic contact letter, sealed certificate "
                + "and information sheet, funds booked out and in, record taken over; 15 working days per step")
@Service
@RequiredArgsConstructor
public class Transfers {
    static final String MEASURE = "PENSION_TRANSFER_ONLINE";
    static final String LETTER_LIMIT = "pension.transfer.timeLimit.letter";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransferStore store;
    private final Persons persons;
    private final RecordHolders holders;
    private final Contributions contributions;
    private final Awards awards;
    private final Jurisdictions jurisdictions;
    private final Measures measures;
    private final Parameters parameters;
    private final Deadlines deadlines;
    private final Certificates certificates;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    /** How an application came in. */
    public enum Channel { WEB, MOBILE_API, COUNTER }

    /**
     * The person applies to the receiving agency ({@code toRegion}, a city this platform serves): online for
     * themselves (portal or app), or a clerk or reviewer of the receiving agency registers it for them by their ID
     * number at the counter. Refused, writing nothing: a receiving agency that is where the record lies already (the
     * same agency), a person receiving a pension, a second open transfer (409), a person with no contributions
     * recorded at the receiving agency's place (暂行办法 第八条: they apply where they are insured and paying now).
     */
    @Transactional
    public Transfer apply(ShebaoUser by, String rawToRegion, String idNumber, Channel channel) {
        Person person;
        if (by.role() == Role.INSURED_PERSON && by.personId() != null) {
            person = persons.personAcrossRegions(by.personId());
            if (channel == Channel.COUNTER) {
                throw new AccessDeniedToRecordException("transfer");
            }
        } else if (by.isStaff() && by.has(Role.CLERK, Role.REVIEWER)) {
            if (idNumber == null || idNumber.isBlank()) {
                throw InvalidInputException.of("idNumber", "error.required");
            }
            person = persons.personAcrossRegions(idNumber, "idNumber")
                    .orElseThrow(() -> InvalidInputException.of("idNumber", "error.transfer.noPerson"));
            channel = Channel.COUNTER;
        } else {
            throw new AccessDeniedToRecordException("transfer");
        }
        if (rawToRegion == null || rawToRegion.isBlank()) {
            throw InvalidInputException.of("toRegion", "error.transfer.toRegion.required");
        }
        Jurisdiction to = jurisdictions.requireServed(rawToRegion.strip(), "toRegion");
        if (!to.code().isCity()) {
            throw InvalidInputException.of("toRegion", "error.transfer.toRegion.notAgency");
        }
        if (by.isStaff() && !by.region().covers(to.code())) {
            // a counter registers applications to its own agency only
            throw InvalidInputException.of("toRegion", "error.transfer.toRegion.notOwn");
        }
        String from = recordRegion(person);
        if (new RegionCode(from).city().equals(to.code())) {
            throw InvalidInputException.of("toRegion", "error.transfer.sameAgency", agency(from));
        }
        if (awards.ofPerson(person.id()).filter(a -> a.monthlyAmount() != null || a.prepaymentAmount() != null).isPresent()) {
            throw InvalidInputException.of("person", "error.transfer.pensioner");
        }
        if (store.ofPerson(person.id()).stream().anyMatch(t -> t.status().isOpen())) {
            throw new ConflictException("person", "error.transfer.open");
        }
        // 第八条: the person applies where they are insured now, having paid there (the receiving agency's place);
        // the enrollment itself stays with the registration region (its rows are distributed with the person), so
        // the months recorded at the receiving place are what shows it
        if (contributions.rightsRecord(person.id()).monthsIn(to.code().scopePrefix()) == 0) {
            throw InvalidInputException.of("toRegion", "error.transfer.notInsuredThere", to.name());
        }
        LocalDate today = LocalDate.now(clock);
        MeasureStatus online = measures.status(MEASURE, to.code(), today);
        String flags = channel != Channel.COUNTER && online.inForce() ? MEASURE + ":" + String.join(",", online.clauses()) : "";
        LocalDate due = deadlines.plusWorkingDays(today, parameters.integer(LETTER_LIMIT, to.code(), today));
        // one open transfer per person: two applications at once, one row (the unique index decides)
        Optional<Long> id = jdbc.sql("""
                INSERT INTO transfer_case (region_code, person_id, from_region, to_region, status, channel, flags,
                                           applied_by, applied_at, step_on, due_on)
                VALUES (:region, :p, :from, :to, 'APPLIED', :channel, :flags, :by, :now, :today, :due)
                ON CONFLICT (person_id, region_code) WHERE status NOT IN ('COMPLETED', 'REFUSED') DO NOTHING
                RETURNING id""")
                .param("region", person.regionCode()).param("p", person.id()).param("from", from).param("to", to.code().value())
                .param("channel", channel.name()).param("flags", flags).param("by", by.getUsername())
                .param("now", OffsetDateTime.now(clock)).param("today", today).param("due", due)
                .query(Long.class).optional();
        if (id.isEmpty()) {
            throw new ConflictException("person", "error.transfer.open");
        }
        store.history(id.get(), "APPLY", null, TransferStatus.APPLIED, by.getUsername(),
                agency(from) + " → " + to.agency() + (flags.isEmpty() ? "" : "（" + online.clauseList() + "）"));
        audit.record(by.getUsername(), AuditAction.TRANSFER_STEP, "transfer " + id.get(),
                "APPLY " + from + " → " + to.code().value());
        events.publishEvent(new TransferStepped(id.get(), person.id(), TransferStatus.APPLIED, agency(from),
                to.agency(), due, false, null));
        return store.load(id.get()).orElseThrow();
    }

    /**
     * Where the person's enterprise-pension record lies (the sending agency, a city): the agency holding it, as the
     * registry keeps it ({@link RecordHolders}: the receiving agency of the last completed transfer that moved it,
     * else the registration region's).
     */
    public String recordRegion(Person person) {
        return holders.holdingRegion(person.id());
    }

    /** The agency of a region as documents and messages name it. */
    String agency(String region) {
        return jurisdictions.find(new RegionCode(region)).map(Jurisdiction::agency).orElse(region);
    }

    public Transfer transfer(ShebaoUser by, long id) {
        return store.visible(by, id);
    }

    public List<TransferEvent> history(ShebaoUser by, long id) {
        store.visible(by, id);
        return store.history(id);
    }

    /** The documents issued for the transfer (contact letter, certificate, information sheet), oldest first. */
    public List<Certificates.Issued> documents(ShebaoUser by, long id) {
        Transfer t = store.visible(by, id);
        return certificates.ofSubject(t.subject());
    }

    /** The sealed PDF of one of the transfer's documents. */
    public byte[] pdf(ShebaoUser by, long id, String code) {
        Transfer t = store.visible(by, id);
        Certificates.Issued doc = certificates.ofSubject(t.subject()).stream().filter(d -> d.code().equals(code))
                .findFirst().orElseThrow(() -> new NotFoundException("document " + code));
        return certificates.pdfOf(doc);
    }

    /** A citizen's own transfers, newest first. */
    public List<Transfer> mine(ShebaoUser by) {
        if (by.role() != Role.INSURED_PERSON || by.personId() == null) {
            throw new AccessDeniedToRecordException("transfer");
        }
        return store.ofPerson(by.personId());
    }

    /** The transfers an agency sends or receives (staff of its region), open ones first. */
    public List<Transfer> ofAgency(ShebaoUser by, boolean openOnly) {
        requireStaff(by);
        return store.ofScope(by.region(), openOnly, 200);
    }

    /** The transfers whose step is the user's agency's and overdue today (时限: 15 working days a step). */
    public List<Transfer> overdue(ShebaoUser by) {
        requireStaff(by);
        return store.overdue(by.region(), LocalDate.now(clock));
    }

    /** The person's name and masked ID number as the agencies' screens show them. */
    public Person person(ShebaoUser by, Transfer t) {
        if (!by.isStaff() && !java.util.Objects.equals(by.personId(), t.personId())) {
            throw new AccessDeniedToRecordException("transfer");
        }
        return persons.personAcrossRegions(t.personId());
    }

    /** The receiving agencies a person may apply to: the cities the platform serves. */
    public List<Jurisdiction> agencies() {
        return jurisdictions.servedWithin(RegionCode.NATIONAL);
    }

    private static void requireStaff(ShebaoUser by) {
        if (!by.isStaff() || !by.has(Role.CLERK, Role.REVIEWER, Role.FINANCE, Role.AUDITOR, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("transfer");
        }
    }
}
