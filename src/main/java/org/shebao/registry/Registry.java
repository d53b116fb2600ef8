package org.shebao.registry;

import org.shebao.audit.AuditAction;
import org.shebao.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.CreditCode;
import org.shebao.common.Gender;
import org.shebao.common.IdNumber;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of insured persons, employers and enrollments. Every method takes the acting user: staff see and
 * change records of their region only, a portal user sees only their own. Every change is in the record's
 * history with who, when, old and new value; an ID number is stored in the history masked.
 */
@Service
public class Registry {
    private static final Logger log = LoggerFactory.getLogger(Registry.class);
    static final int PAGE_SIZE = 20;
    /** Minimum working age, a parameter (劳动法 第十五条: 16): no enrollment before that birthday. */
    static final String MIN_ENROLLMENT_AGE = "enrollment.minimumAge";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Jurisdictions jurisdictions;
    private final Parameters parameters;

    private final AuditLog audit;
    private final IdNumberCipher ids;

    Registry(JdbcClient jdbc, Clock clock, Jurisdictions jurisdictions, Parameters parameters, AuditLog audit,
             IdNumberCipher ids) {
        this.audit = audit;
        this.ids = ids;
        this.jdbc = jdbc;
        this.clock = clock;
        this.jurisdictions = jurisdictions;
        this.parameters = parameters;
    }

    // ---------------------------------------------------------------- persons

    @Transactional
    public Person registerPerson(ShebaoUser by, PersonData d) {
        requireWriter(by);
        Violations v = new Violations();
        IdNumber id = v.attempt(() -> IdNumber.parse(d.idNumber(), "idNumber"));
        if (id != null && id.birthDate().isAfter(LocalDate.now(clock))) {
            v.add("idNumber", "error.idNumber.birthInFuture", id.birthDate());
        }
        String name = personName(v, d.name());
        String phone = v.phone(d.phone(), "phone", false);
        RegionCode hukou = v.attempt(() -> jurisdictions.requirePlausibleAddress(d.hukouRegion(), "hukouRegion"));
        Jurisdiction region = managedRegion(v, by, d.regionCode());
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
        recordCreate("PERSON", newId, created, by, now);
        log.info("Person {} ({}) registered by {}", newId, id, by.getUsername());
        return loadPerson(newId);
    }

    @Transactional
    public Person updatePerson(ShebaoUser by, long personId, int version, PersonData d) {
        requireWriter(by);
        Person before = person(by, personId);
        Violations v = new Violations();
        if (d.idNumber() != null && !d.idNumber().isBlank()
                && !d.idNumber().strip().equalsIgnoreCase(before.idNumber().value())) {
            v.add("idNumber", "error.idNumber.immutable");
        }
        String name = personName(v, d.name());
        String phone = v.phone(d.phone(), "phone", false);
        RegionCode hukou = v.attempt(() -> jurisdictions.requirePlausibleAddress(d.hukouRegion(), "hukouRegion"));
        Jurisdiction region = managedRegion(v, by, d.regionCode());
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                        UPDATE registry_person SET name = :name, phone = :phone, hukou_region = :hukou,
                               region_code = :region, updated_at = :now, updated_by = :by, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", name).param("phone", phone).param("hukou", hukou.value())
                .param("region", region.code().value()).param("now", now).param("by", by.getUsername())
                .param("id", personId).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        recordDiff("PERSON", personId, by, now,
                new String[][]{{"name", before.name(), name}, {"phone", before.phone(), phone},
                        {"hukouRegion", before.hukouRegion(), hukou.value()},
                        {"regionCode", before.regionCode(), region.code().value()}});
        return loadPerson(personId);
    }

    /** The person, if the user may see them: staff of the region, or the person themselves. */
    public Person person(ShebaoUser by, long personId) {
        Person p = loadPerson(personId);
        if (by.isStaff()) {
            requireRegion(by, p.regionCode(), "person");
        } else if (by.role() != Role.INSURED_PERSON || !Objects.equals(by.personId(), personId)) {
            throw new AccessDeniedToRecordException("person");
        }
        return p;
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
        return found.map(personId -> person(by, personId));
    }

    /**
     * Search in the user's region: a number searches ID numbers (prefix) and phones, text searches names (prefix).
     */
    public Page<Person> searchPersons(ShebaoUser by, String query, int page) {
        requireStaff(by);
        String q = query == null ? "" : query.strip().toUpperCase();
        long offset = org.shebao.common.Paging.offset(page, PAGE_SIZE);
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
            params.put("q", likeEscape(query.strip()) + "%");
        }
        List<Person> rows = jdbc.sql("SELECT * FROM registry_person WHERE region_code LIKE :scope AND " + where
                        + " ORDER BY " + (q.isEmpty() ? "id DESC" : "name, id") + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", PAGE_SIZE + 1).param("offset", offset)
                .query(this::mapPerson).list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, PAGE_SIZE, hasNext);
    }

    /** The full ID number, for roles that need it; each use is itself in the record's history. */
    @Transactional
    public String revealIdNumber(ShebaoUser by, long personId) {
        if (!by.has(Role.CLERK, Role.REVIEWER, Role.AUDITOR, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("full id number");
        }
        Person p = person(by, personId);
        insertChange("PERSON", personId, "REVEAL", "idNumber", null, null, by.getUsername(), OffsetDateTime.now(clock));
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

    // ---------------------------------------------------------------- employers

    @Transactional
    public Employer registerEmployer(ShebaoUser by, EmployerData d) {
        requireWriter(by);
        Violations v = new Violations();
        CreditCode code = v.attempt(() -> CreditCode.parse(d.creditCode(), "creditCode"));
        EmployerFields f = employerFields(v, by, d);
        v.throwIfAny();
        if (jdbc.sql("SELECT count(*) FROM registry_employer WHERE credit_code = :c").param("c", code.value())
                .query(Long.class).single() > 0) {
            throw new ConflictException("creditCode", "error.creditCode.duplicate", code.value());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long newId;
        try {
            newId = jdbc.sql("""
                            INSERT INTO registry_employer (credit_code, name, region_code, address, contact_name, contact_phone,
                                   agency_contact_name, agency_contact_phone, created_at, created_by, updated_at, updated_by)
                            VALUES (:code, :name, :region, :address, :cn, :cp, :an, :ap, :now, :by, :now, :by) RETURNING id""")
                    .param("code", code.value()).param("name", f.name).param("region", f.region)
                    .param("address", f.address).param("cn", f.contactName).param("cp", f.contactPhone)
                    .param("an", f.agencyName).param("ap", f.agencyPhone).param("now", now).param("by", by.getUsername())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("creditCode", "error.creditCode.duplicate", code.value());
        }
        Map<String, String> created = new LinkedHashMap<>();
        created.put("creditCode", code.value());
        created.putAll(f.asMap());
        recordCreate("EMPLOYER", newId, created, by, now);
        return loadEmployer(newId);
    }

    @Transactional
    public Employer updateEmployer(ShebaoUser by, long employerId, int version, EmployerData d) {
        requireWriter(by);
        Employer before = employer(by, employerId);
        Violations v = new Violations();
        if (d.creditCode() != null && !d.creditCode().isBlank()
                && !d.creditCode().strip().equalsIgnoreCase(before.creditCode())) {
            v.add("creditCode", "error.creditCode.immutable");
        }
        EmployerFields f = employerFields(v, by, d);
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                        UPDATE registry_employer SET name = :name, region_code = :region, address = :address,
                               contact_name = :cn, contact_phone = :cp, agency_contact_name = :an,
                               agency_contact_phone = :ap, updated_at = :now, updated_by = :by, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", f.name).param("region", f.region).param("address", f.address)
                .param("cn", f.contactName).param("cp", f.contactPhone).param("an", f.agencyName)
                .param("ap", f.agencyPhone).param("now", now).param("by", by.getUsername())
                .param("id", employerId).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        recordDiff("EMPLOYER", employerId, by, now, new String[][]{
                {"name", before.name(), f.name}, {"regionCode", before.regionCode(), f.region},
                {"address", before.address(), f.address}, {"contactName", before.contactName(), f.contactName},
                {"contactPhone", before.contactPhone(), f.contactPhone},
                {"agencyContactName", before.agencyContactName(), f.agencyName},
                {"agencyContactPhone", before.agencyContactPhone(), f.agencyPhone}});
        return loadEmployer(employerId);
    }

    /** The employer, if the user may see it: staff of the region, or the employer's own portal user. */
    public Employer employer(ShebaoUser by, long employerId) {
        Employer e = loadEmployer(employerId);
        if (by.isStaff()) {
            requireRegion(by, e.regionCode(), "employer");
        } else if (by.role() != Role.EMPLOYER || !Objects.equals(by.employerId(), employerId)) {
            throw new AccessDeniedToRecordException("employer");
        }
        return e;
    }

    public Page<Employer> searchEmployers(ShebaoUser by, String query, int page) {
        requireStaff(by);
        String q = query == null ? "" : query.strip();
        long offset = org.shebao.common.Paging.offset(page, PAGE_SIZE);
        List<Employer> rows = jdbc.sql("""
                        SELECT * FROM registry_employer WHERE region_code LIKE :scope
                           AND (:q = '' OR credit_code LIKE upper(:q) || '%' OR name LIKE '%' || :like || '%')
                         ORDER BY name, id LIMIT :limit OFFSET :offset""")
                .param("scope", by.region().scopePrefix() + "%").param("q", q).param("like", likeEscape(q))
                .param("limit", PAGE_SIZE + 1).param("offset", offset)
                .query(this::mapEmployer).list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, PAGE_SIZE, hasNext);
    }

    // ---------------------------------------------------------------- enrollments

    @Transactional
    public Enrollment enroll(ShebaoUser by, long personId, EnrollmentData d) {
        requireWriter(by);
        return insertEnrollment(by, personId, checkEnrollment(by, personId, d), by.getUsername());
    }

    /**
     * Checks an enrollment an applicant asks for online, before a case is opened: the same rules as at the counter,
     * with the applicant's own scope (a citizen: their own record).
     */
    public void validateEnrollment(ShebaoUser applicant, long personId, EnrollmentData d) {
        checkEnrollment(applicant, personId, d);
    }

    /** The effect of an approved enrollment case: the reviewer who approved it records it, citing the case. */
    @Transactional
    public Enrollment enrollApproved(ShebaoUser approver, long personId, EnrollmentData d, String caseReference) {
        if (!approver.has(Role.REVIEWER, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("registry change");
        }
        EnrollmentData withRef = new EnrollmentData(d.employerId(), d.category(), d.insuranceType(), d.firstInsuredOn(),
                ((d.remark() == null || d.remark().isBlank()) ? "" : d.remark().strip() + "；") + "网上办件 " + caseReference);
        return insertEnrollment(approver, personId, checkEnrollment(approver, personId, withRef), approver.getUsername());
    }

    private record CheckedEnrollment(Person person, Employer employer, EnrollmentCategory category, InsuranceType type,
                                     LocalDate first, String remark) {
    }

    private CheckedEnrollment checkEnrollment(ShebaoUser by, long personId, EnrollmentData d) {
        Person person = person(by, personId);
        Violations v = new Violations();
        EnrollmentCategory category = v.oneOf(d.category(), EnrollmentCategory.class, "category");
        InsuranceType type = v.oneOf(d.insuranceType(), InsuranceType.class, "insuranceType");
        LocalDate first = v.date(d.firstInsuredOn(), "firstInsuredOn", true);
        String remark = v.text(d.remark(), "remark", 200, false);
        Employer employer = null;
        if (category == EnrollmentCategory.EMPLOYEE) {
            if (d.employerId() == null) {
                v.add("employerId", "error.enrollment.employerRequired");
            } else {
                employer = findEmployer(d.employerId());
                if (employer == null || !by.region().covers(new RegionCode(employer.regionCode()))) {
                    v.add("employerId", "error.enrollment.employerUnknown", d.employerId());
                    employer = null;
                }
            }
        } else if (category != null && d.employerId() != null) {
            v.add("employerId", "error.enrollment.employerNotAllowed");
        }
        if (category != null && type != null && !InsuranceType.allowedFor(category).contains(type)) {
            v.add("insuranceType", "error.enrollment.typeNotAllowed");
        }
        if (first != null) {
            LocalDate today = LocalDate.now(clock);
            if (first.isAfter(today)) {
                v.add("firstInsuredOn", "error.date.future", today);
            } else {
                // the rule in force on the day of registration applies, whatever the date registered
                int minAge = parameters.integer(MIN_ENROLLMENT_AGE, new RegionCode(person.regionCode()), today);
                if (first.isBefore(person.birthDate().plusYears(minAge))) {
                    v.add("firstInsuredOn", "error.enrollment.tooYoung", minAge);
                }
            }
        }
        v.throwIfAny();
        if (jdbc.sql("SELECT count(*) FROM registry_enrollment WHERE person_id = :p AND insurance_type = :t"
                        + " AND ended_on IS NULL")
                .param("p", personId).param("t", type.name()).query(Integer.class).single() > 0) {
            throw new ConflictException("insuranceType", "error.enrollment.duplicate");
        }
        return new CheckedEnrollment(person, employer, category, type, first, remark);
    }

    private Enrollment insertEnrollment(ShebaoUser by, long personId, CheckedEnrollment c, String byName) {
        Employer employer = c.employer();
        EnrollmentCategory category = c.category();
        InsuranceType type = c.type();
        LocalDate first = c.first();
        String remark = c.remark();
        String region = employer != null ? employer.regionCode() : c.person().regionCode();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO registry_enrollment (person_id, employer_id, category, insurance_type, first_insured_on,
                                   region_code, remark, created_at, created_by)
                            VALUES (:p, :e, :c, :t, :first, :region, :remark, :now, :by) RETURNING id""")
                    .param("p", personId).param("e", employer == null ? null : employer.id())
                    .param("c", category.name()).param("t", type.name()).param("first", first)
                    .param("region", region).param("remark", remark).param("now", now).param("by", byName)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("insuranceType", "error.enrollment.duplicate");
        }
        Map<String, String> created = new LinkedHashMap<>();
        created.put("enrollment", String.valueOf(id));
        created.put("category", category.name());
        created.put("insuranceType", type.name());
        created.put("employer", employer == null ? null : employer.name());
        created.put("firstInsuredOn", first.toString());
        created.put("remark", remark);
        recordCreate("PERSON", personId, created, by, now);
        return enrollmentsOf(by, personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    public List<Enrollment> enrollmentsOf(ShebaoUser by, long personId) {
        person(by, personId);
        return jdbc.sql(ENROLLMENT_SELECT + " WHERE en.person_id = :p ORDER BY en.first_insured_on, en.id")
                .param("p", personId).query(this::mapEnrollment).list();
    }

    public Page<Enrollment> employeesOf(ShebaoUser by, long employerId, int page) {
        employer(by, employerId);
        long offset = org.shebao.common.Paging.offset(page, PAGE_SIZE);
        List<Enrollment> rows = jdbc.sql(ENROLLMENT_SELECT
                        + " WHERE en.employer_id = :e ORDER BY pe.name, en.id LIMIT :limit OFFSET :offset")
                .param("e", employerId).param("limit", PAGE_SIZE + 1).param("offset", offset)
                .query(this::mapEnrollment).list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, PAGE_SIZE) : rows, page, PAGE_SIZE, hasNext);
    }

    // ---------------------------------------------------------------- history

    public List<Change> history(ShebaoUser by, String entityType, long id) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("history");
        }
        if ("PERSON".equals(entityType)) {
            person(by, id);
        } else {
            employer(by, id);
        }
        return jdbc.sql("""
                        SELECT id, action, field, old_value, new_value, changed_by, changed_at FROM registry_change
                         WHERE entity_type = :t AND entity_id = :id ORDER BY id DESC""")
                .param("t", entityType).param("id", id)
                .query((rs, i) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class))).list();
    }

    // ---------------------------------------------------------------- internals

    private String personName(Violations v, String raw) {
        String name = v.text(raw, "name", 50, true);
        if (name != null && !name.matches("[\\p{L}\\p{M}·．. ]+")) {
            v.add("name", "error.name.characters");
            return null;
        }
        return name;
    }

    private Jurisdiction managedRegion(Violations v, ShebaoUser by, String raw) {
        Jurisdiction j = v.attempt(() -> jurisdictions.requireServed(raw, "regionCode"));
        if (j == null) {
            return null;
        }
        if (!j.code().isCity()) {
            v.add("regionCode", "error.region.notCity", j.name());
            return null;
        }
        if (!by.region().covers(j.code())) {
            v.add("regionCode", "error.region.outOfScope", j.name());
            return null;
        }
        return j;
    }

    private record EmployerFields(String name, String region, String address, String contactName,
                                  String contactPhone, String agencyName, String agencyPhone) {
        Map<String, String> asMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("regionCode", region);
            m.put("address", address);
            m.put("contactName", contactName);
            m.put("contactPhone", contactPhone);
            m.put("agencyContactName", agencyName);
            m.put("agencyContactPhone", agencyPhone);
            return m;
        }
    }

    private EmployerFields employerFields(Violations v, ShebaoUser by, EmployerData d) {
        String name = v.text(d.name(), "name", 100, true);
        Jurisdiction region = managedRegion(v, by, d.regionCode());
        String address = v.text(d.address(), "address", 200, false);
        String contactName = v.text(d.contactName(), "contactName", 50, false);
        String contactPhone = v.phone(d.contactPhone(), "contactPhone", false);
        String agencyName = v.text(d.agencyContactName(), "agencyContactName", 50, false);
        String agencyPhone = v.phone(d.agencyContactPhone(), "agencyContactPhone", false);
        return new EmployerFields(name, region == null ? null : region.code().value(), address, contactName,
                contactPhone, agencyName, agencyPhone);
    }

    private void requireStaff(ShebaoUser by) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("registry search");
        }
    }

    private void requireWriter(ShebaoUser by) {
        if (!by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("registry change");
        }
    }

    private void requireRegion(ShebaoUser by, String regionCode, String what) {
        if (!by.region().covers(new RegionCode(regionCode))) {
            log.warn("{} denied access to a {} of region {}", by.getUsername(), what, regionCode);
            throw new AccessDeniedToRecordException(what);
        }
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Person loadPerson(long id) {
        return jdbc.sql("SELECT * FROM registry_person WHERE id = :id").param("id", id).query(this::mapPerson)
                .optional().orElseThrow(() -> new NotFoundException("person"));
    }

    private Employer loadEmployer(long id) {
        Employer e = findEmployer(id);
        if (e == null) {
            throw new NotFoundException("employer");
        }
        return e;
    }

    private Employer findEmployer(long id) {
        return jdbc.sql("SELECT * FROM registry_employer WHERE id = :id").param("id", id).query(this::mapEmployer)
                .optional().orElse(null);
    }

    private Person mapPerson(ResultSet rs, int i) throws SQLException {
        return new Person(rs.getLong("id"), IdNumber.parse(ids.decrypt(rs.getBytes("id_cipher"))), rs.getString("name"),
                Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
                rs.getString("phone"), rs.getString("hukou_region"), rs.getString("region_code"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }

    private Employer mapEmployer(ResultSet rs, int i) throws SQLException {
        return new Employer(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("address"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("agency_contact_name"),
                rs.getString("agency_contact_phone"), rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }

    private static final String ENROLLMENT_SELECT = """
            SELECT en.*, pe.name AS person_name, pe.id_cipher, em.name AS employer_name
              FROM registry_enrollment en JOIN registry_person pe ON pe.id = en.person_id
              LEFT JOIN registry_employer em ON em.id = en.employer_id""";

    private Enrollment mapEnrollment(ResultSet rs, int i) throws SQLException {
        return new Enrollment(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                IdNumber.mask(ids.decrypt(rs.getBytes("id_cipher"))), (Long) rs.getObject("employer_id"),
                rs.getString("employer_name"), EnrollmentCategory.valueOf(rs.getString("category")),
                InsuranceType.valueOf(rs.getString("insurance_type")),
                rs.getObject("first_insured_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("region_code"), rs.getString("remark"));
    }

    private void recordCreate(String type, long id, Map<String, String> values, ShebaoUser by, OffsetDateTime now) {
        values.forEach((field, value) -> {
            if (value != null) {
                insertChange(type, id, "CREATE", field, null, value, by.getUsername(), now);
            }
        });
    }

    private void recordDiff(String type, long id, ShebaoUser by, OffsetDateTime now, String[][] fields) {
        List<String[]> changed = new ArrayList<>();
        for (String[] f : fields) {
            if (!Objects.equals(f[1], f[2])) {
                changed.add(f);
            }
        }
        for (String[] f : changed) {
            insertChange(type, id, "UPDATE", f[0], f[1], f[2], by.getUsername(), now);
        }
    }

    private void insertChange(String type, long id, String action, String field, String oldValue, String newValue,
                              String by, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO registry_change (entity_type, entity_id, action, field, old_value, new_value, changed_by, changed_at)
                        VALUES (:t, :id, :a, :f, :o, :n, :by, :at)""")
                .param("t", type).param("id", id).param("a", action).param("f", field).param("o", oldValue)
                .param("n", newValue).param("by", by).param("at", now).update();
    }
}
