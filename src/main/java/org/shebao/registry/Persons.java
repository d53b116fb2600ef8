package org.shebao.registry;

import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.IdNumber;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.shebao.common.Paging;

/**
 * Insured persons (GB 11643 ID numbers, encrypted at rest): registration, edits with optimistic locking, search in
 * the user's region, the logged reveal of a full number. Every change is in the person's history.
 */
@Service
@RequiredArgsConstructor
public class Persons {
    private static final Logger log = LoggerFactory.getLogger(Persons.class);
    private final RegistryStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Jurisdictions jurisdictions;
    private final AuditLog audit;
    private final IdNumberCipher ids;
    private final Validator validator;

    /** The person, if the user may see them: staff of the region, or the person themselves. */
    public Person person(ShebaoUser by, long personId) {
        return store.person(by, personId);
    }

    /**
     * The person for a user who would work on them (an edit, an enrollment, a payment, a document, a new case): the
     * agency holding the enterprise-pension record, or the person themselves. An agency that held it before (the
     * registration region's after a transfer) reads but is told, at {@code field}, which agency holds it now.
     */
    public Person personToServe(ShebaoUser by, long personId, String field) {
        return store.personToServe(by, personId, field);
    }

    /** Refuses, at {@code field}, a staff user whose agency does not hold the person's record ({@link #personToServe}). */
    public void requireHolder(ShebaoUser by, Person p, String field) {
        store.requireHolder(by, p, field);
    }

    /** A person's history (staff of the region): who changed which field, when, from what to what. */
    public List<Change> history(ShebaoUser by, long personId) {
        return store.history(by, RegistryEntity.PERSON, personId);
    }

    @Transactional
    public Person registerPerson(ShebaoUser by, PersonData d) {
        store.requireWriter(by);
        return register(by, d, null);
    }

    /**
     * Registers a person, in {@code region} when given (an employer's 增员 of someone not yet registered: the
     * employer's own region, whatever the data say), else in the region the data name, which the user must manage.
     * The caller has checked the user's right to register.
     */
    Person register(ShebaoUser by, PersonData d, Jurisdiction fixedRegion) {
        Violations v = Violations.of(validator.validate(d));
        IdNumber id = v.attempt(() -> IdNumber.parse(d.idNumber(), "idNumber"));
        if (id != null && id.birthDate().isAfter(LocalDate.now(clock))) {
            v.add("idNumber", "error.idNumber.birthInFuture", id.birthDate());
        }
        String name = d.name();
        String phone = d.phone();
        RegionCode hukou = v.attempt(() -> jurisdictions.requirePlausibleAddress(d.hukouRegion(), "hukouRegion"));
        Jurisdiction region = fixedRegion != null ? fixedRegion : store.managedRegion(v, by, d.regionCode());
        v.throwIfAny();
        if (jdbc.sql("SELECT count(*) FROM registry_person WHERE id_index = :n").param("n", ids.index(id.value()))
                .query(Long.class).single() > 0) {
            throw new ConflictException("idNumber", "error.idNumber.duplicate", id.masked());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long newId;
        try {
            newId = jdbc.sql("""
                            INSERT INTO registry_person (id_cipher, id_index, name, gender, birth_date, phone, hukou_region,
                                                         region_code, created_at, created_by, updated_at, updated_by)
                            VALUES (:cipher, :index, :name, :gender, :birth, :phone, :hukou, :region, :now, :by, :now, :by)
                            RETURNING id""")
                    .param("cipher", ids.encrypt(id.value())).param("index", ids.index(id.value())).param("name", name).param("gender", id.gender().name())
                    .param("birth", id.birthDate()).param("phone", phone).param("hukou", hukou.value())
                    .param("region", region.code().value()).param("now", now).param("by", by.getUsername())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("idNumber", "error.idNumber.duplicate", id.masked());
        }
        Map<String, String> created = new LinkedHashMap<>();
        created.put("idNumber", id.masked());
        created.put("name", name);
        created.put("phone", phone);
        created.put("hukouRegion", hukou.value());
        created.put("regionCode", region.code().value());
        store.recordCreate(RegistryEntity.PERSON, newId, region.code().value(), created, by, now);
        log.info("Person {} ({}) registered by {}", newId, id, by.getUsername());
        return store.loadPerson(newId);
    }

    @Transactional
    public Person updatePerson(ShebaoUser by, long personId, int version, PersonData d) {
        store.requireWriter(by);
        Person before = store.personToServe(by, personId, "person");
        Violations v = Violations.of(validator.validate(d));
        if (d.idNumber() != null && !d.idNumber().isBlank()
                && !d.idNumber().strip().equalsIgnoreCase(before.idNumber().value())) {
            v.add("idNumber", "error.idNumber.immutable");
        }
        String name = d.name();
        String phone = d.phone();
        RegionCode hukou = v.attempt(() -> jurisdictions.requirePlausibleAddress(d.hukouRegion(), "hukouRegion"));
        // the registration region as it stands needs no scope: the agency holding a record taken over by a transfer
        // edits a person registered elsewhere
        Jurisdiction region = before.regionCode().equals(d.regionCode() == null ? null : d.regionCode().strip()) ? null
                : store.managedRegion(v, by, d.regionCode());
        // the region (统筹区) is fixed once registered: it is the distribution column of the person's rows; moving
        // to another region is a transfer, not an edit
        if (region != null && !region.code().value().equals(before.regionCode())) {
            v.add("regionCode", "error.regionCode.immutable");
        }
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                        UPDATE registry_person SET name = :name, phone = :phone, hukou_region = :hukou,
                               updated_at = :now, updated_by = :by, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", name).param("phone", phone).param("hukou", hukou.value())
                .param("now", now).param("by", by.getUsername())
                .param("id", personId).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        store.recordDiff(RegistryEntity.PERSON, personId, before.regionCode(), by, now,
                new String[][]{{"name", before.name(), name}, {"phone", before.phone(), phone},
                        {"hukouRegion", before.hukouRegion(), hukou.value()}});
        return store.loadPerson(personId);
    }

    /**
     * The region (统筹区) a person is registered in, without access checks: the distribution column of the rows that
     * other modules keep about the person (a message to them, for instance).
     */
    public Optional<String> regionOf(long personId) {
        return jdbc.sql("SELECT region_code FROM registry_person WHERE id = :id").param("id", personId)
                .query(String.class).optional();
    }

    /**
     * A person's name, without access checks: the label of an item on a settlement worklist, which the staff of the
     * person's region read (issue 15, item 1). Nothing else of the person leaves.
     */
    public Optional<String> nameOf(long personId) {
        return jdbc.sql("SELECT name FROM registry_person WHERE id = :id").param("id", personId)
                .query(String.class).optional();
    }

    /**
     * The person without access checks, for a business between two agencies (a pension transfer, 国办发〔2009〕66号:
     * the receiving agency serves a person registered elsewhere) whose own rules decide who may see it.
     */
    public Person personAcrossRegions(long personId) {
        return store.loadPerson(personId);
    }

    /**
     * The person with this ID number anywhere in the country, without access checks (a receiving agency registering
     * a pension transfer on the person's behalf). A malformed number is refused with the reason.
     */
    public Optional<Person> personAcrossRegions(String rawIdNumber, String field) {
        IdNumber id = IdNumber.parse(rawIdNumber, field);
        return jdbc.sql("SELECT id FROM registry_person WHERE id_index = :n").param("n", ids.index(id.value()))
                .query(Long.class).optional().map(store::loadPerson);
    }

    /** The phone on file for a person (for notifications), without access checks: no personal data leaves. */
    public Optional<String> phoneOf(long personId) {
        return jdbc.sql("SELECT phone FROM registry_person WHERE id = :id").param("id", personId)
                .query(String.class).optional().filter(p -> p != null && !p.isBlank());
    }

    /**
     * The person with this ID number, if registered and in the user's region (a staff user registering a request on
     * a person's behalf). A malformed number is refused with the reason.
     */
    public Optional<Person> personByIdNumber(ShebaoUser by, String rawIdNumber, String field) {
        IdNumber id = IdNumber.parse(rawIdNumber, field);
        Optional<Long> found = jdbc.sql("SELECT id FROM registry_person WHERE id_index = :n").param("n", ids.index(id.value()))
                .query(Long.class).optional();
        return found.map(personId -> store.person(by, personId));
    }

    /**
     * The person with this ID number, if registered in that region, for a service that has checked its caller's right
     * itself (an agreement medical institution's bill line names its patient by ID number, SX-1b). A malformed number
     * is refused with the reason.
     */
    public Optional<Person> registeredIn(RegionCode region, String rawIdNumber, String field) {
        IdNumber id = IdNumber.parse(rawIdNumber, field);
        return jdbc.sql("SELECT id FROM registry_person WHERE id_index = :n").param("n", ids.index(id.value()))
                .query(Long.class).optional().map(store::loadPerson).filter(p -> p.regionCode().equals(region.value()));
    }

    /**
     * Search in the user's region: a number searches ID numbers (prefix) and phones, text searches names (prefix).
     */
    public Page<Person> searchPersons(ShebaoUser by, String query, int page) {
        store.requireStaff(by);
        String q = query == null ? "" : query.strip().toUpperCase();
        long offset = Paging.offset(page, RegistryStore.PAGE_SIZE);
        String where;
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("scope", by.region().scopePrefix() + "%");
        if (q.isEmpty()) {
            where = "TRUE";
        } else if (q.matches("[0-9]{2,17}[0-9X]?")) {
            if (q.length() == 18) {
                // a search by a full ID number is itself a use of personal data (issue 10)
                audit.record(by.getUsername(), AuditAction.ID_NUMBER_SEARCHED, "persons",
                                IdNumber.mask(q));
            }
            // ID numbers are stored encrypted: found by their blind index, so only a whole, valid number finds one
            where = "(id_index = :index OR phone = :exact)";
            params.put("index", IdNumber.isValid(q) ? ids.index(q) : new byte[0]);
            params.put("exact", q);
        } else {
            where = "name LIKE :q";
            params.put("q", store.likeEscape(query.strip()) + "%");
        }
        // the persons registered in the scope, and those whose record an agency of the scope took over by a transfer
        List<Person> rows = jdbc.sql("SELECT * FROM registry_person WHERE (region_code LIKE :scope OR id IN ("
                        + "SELECT person_id FROM registry_record_holding WHERE until IS NULL AND holder_region LIKE :scope))"
                        + " AND " + where
                        + " ORDER BY " + (q.isEmpty() ? "id DESC" : "name, id") + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", RegistryStore.PAGE_SIZE + 1).param("offset", offset)
                .query(store::mapPerson).list();
        boolean hasNext = rows.size() > RegistryStore.PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, RegistryStore.PAGE_SIZE) : rows, page, RegistryStore.PAGE_SIZE, hasNext);
    }

    /** The full ID number, for roles that need it; each use is itself in the record's history. */
    @Transactional
    public String revealIdNumber(ShebaoUser by, long personId) {
        if (!by.has(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("full id number");
        }
        Person p = store.person(by, personId);
        store.insertChange(RegistryEntity.PERSON, personId, p.regionCode(), ChangeAction.REVEAL, "idNumber", null, null, by.getUsername(), OffsetDateTime.now(clock));
        audit.record(by.getUsername(), AuditAction.ID_NUMBER_REVEALED, "person " + personId, p.idNumber().masked());
        return p.idNumber().value();
    }

    public long countPersons(ShebaoUser by) {
        return jdbc.sql("SELECT count(*) FROM registry_person WHERE region_code LIKE :scope")
                .param("scope", by.region().scopePrefix() + "%").query(Long.class).single();
    }

    /** Persons registered at all, whatever the region: for the demo loader's "first start?" question. */
    public long countAllPersons() {
        return jdbc.sql("SELECT count(*) FROM registry_person").query(Long.class).single();
    }
}
