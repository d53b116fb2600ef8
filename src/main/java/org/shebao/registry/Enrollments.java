package org.shebao.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.common.IdNumber;
import org.shebao.common.InvalidInputException;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.shebao.policy.Measures;
import org.shebao.policy.Parameters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.shebao.common.Paging;

/**
 * Enrollments of persons in an insurance, at the counter, as the effect of an approved online case, or by an employer
 * for its employees (增员, {@link #hire}); and their end (减员, {@link #separate}; a retirement, {@link #endOnRetirement}).
 * The rules of all of them: an employee needs an employer of the person's region; the minimum working age; one open
 * enrollment per type; the first-insured date and the employment's start as {@link EnrollmentDateRule} says (FJ-5a
 * backdating, N-5a late registration), judged on the day of registration.
 */
@Service
@RequiredArgsConstructor
public class Enrollments {
    private final RegistryStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Parameters parameters;
    private final Validator validator;
    private final Measures measures;
    private final Persons persons;
    private final Jurisdictions jurisdictions;

    /** The insurances an employer enrolls an employee in (增员): the three this agency runs. */
    public static final List<InsuranceType> EMPLOYEE_INSURANCES =
            List.of(InsuranceType.ENTERPRISE_PENSION, InsuranceType.UNEMPLOYMENT, InsuranceType.WORK_INJURY);

    @Transactional
    public Enrollment enroll(ShebaoUser by, long personId, EnrollmentData d) {
        store.requireWriter(by);
        Person person = store.personToServe(by, personId, "person");
        return insertEnrollment(by, personId, checkEnrollment(by, person, d, LocalDate.now(clock)), by.getUsername());
    }

    /**
     * Checks an enrollment an applicant asks for online, before a case is opened: the same rules as at the counter,
     * with the applicant's own scope (a citizen: their own record).
     */
    public void validateEnrollment(ShebaoUser applicant, long personId, EnrollmentData d) {
        checkEnrollment(applicant, store.person(applicant, personId), d, LocalDate.now(clock));
    }

    /**
     * The effect of an approved enrollment case: the reviewer who approved it records it, citing the case. The
     * registration's day is the day the case was received ({@code registeredOn}), so that an application made in one
     * month and approved in the next is not a backdated one.
     */
    @Transactional
    public Enrollment enrollApproved(ShebaoUser approver, long personId, EnrollmentData d, String caseReference,
                                     LocalDate registeredOn) {
        if (!approver.has(Role.REVIEWER, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("registry change");
        }
        EnrollmentData withRef = new EnrollmentData(d.employerId(), d.category(), d.insuranceType(), d.firstInsuredOn(),
                ((d.remark() == null || d.remark().isBlank()) ? "" : d.remark().strip() + "；") + "网上办件 " + caseReference,
                d.employmentStart());
        Person person = store.person(approver, personId);
        return insertEnrollment(approver, personId, checkEnrollment(approver, person, withRef, registeredOn),
                approver.getUsername());
    }

    private record CheckedEnrollment(Person person, Employer employer, EnrollmentCategory category, InsuranceType type,
                                     LocalDate first, String remark, LocalDate employmentStart, String flags,
                                     long daysLate) {
    }

    /** Checks an enrollment of {@code person} (the caller has checked the user's access to it). */
    private CheckedEnrollment checkEnrollment(ShebaoUser by, Person person, EnrollmentData d, LocalDate registeredOn) {
        long personId = person.id();
        Violations v = Violations.of(validator.validate(d));
        EnrollmentCategory category = v.oneOf(d.category(), EnrollmentCategory.class, "category");
        InsuranceType type = v.oneOf(d.insuranceType(), InsuranceType.class, "insuranceType");
        LocalDate first = v.date(d.firstInsuredOn(), "firstInsuredOn", true);
        LocalDate start = v.date(d.employmentStart(), "employmentStart", false);
        String remark = d.remark();
        Employer employer = null;
        if (category == EnrollmentCategory.EMPLOYEE) {
            if (d.employerId() == null) {
                v.add("employerId", "error.enrollment.employerRequired");
            } else {
                employer = store.findEmployer(d.employerId());
                if (employer == null || !by.region().covers(new RegionCode(employer.regionCode()))) {
                    v.add("employerId", "error.enrollment.employerUnknown", d.employerId());
                    employer = null;
                } else if (!employer.regionCode().equals(person.regionCode())) {
                    // an employee is insured in the person's own region (the distribution column of both)
                    v.add("employerId", "error.enrollment.employerOtherRegion", d.employerId());
                    employer = null;
                }
            }
        } else if (category != null && d.employerId() != null) {
            v.add("employerId", "error.enrollment.employerNotAllowed");
        }
        if (category != null && type != null && !InsuranceType.allowedFor(category).contains(type)) {
            v.add("insuranceType", "error.enrollment.typeNotAllowed");
        }
        RegionCode region = new RegionCode(person.regionCode());
        if (first != null) {
            LocalDate today = LocalDate.now(clock);
            if (first.isAfter(today)) {
                v.add("firstInsuredOn", "error.date.future", today);
                first = null;
            } else {
                // the rule in force on the day of registration applies, whatever the date registered
                int minAge = parameters.integer(RegistryStore.MIN_ENROLLMENT_AGE, region, today);
                if (first.isBefore(person.birthDate().plusYears(minAge))) {
                    v.add("firstInsuredOn", "error.enrollment.tooYoung", minAge);
                }
            }
        }
        EnrollmentDateRule.Decision dates = EnrollmentDateRule.decide(new EnrollmentDateRule.Facts(category, first, start,
                remark, registeredOn, parameters.integer(REGISTRATION_DAYS, region, registeredOn),
                measures.status(EnrollmentDateRule.BACKDATED, region, registeredOn),
                measures.status(EnrollmentDateRule.LATE, region, registeredOn)), v);
        v.throwIfAny();
        if (jdbc.sql("SELECT count(*) FROM registry_enrollment WHERE person_id = :p AND insurance_type = :t"
                        + " AND ended_on IS NULL")
                .param("p", personId).param("t", type.name()).query(Integer.class).single() > 0) {
            throw new ConflictException("insuranceType", "error.enrollment.duplicate");
        }
        return new CheckedEnrollment(person, employer, category, type, first, remark, start, dates.flags(),
                dates.daysLate());
    }

    /** The legal time an employer has to register an employee (社会保险法 第五十八条). */
    static final String REGISTRATION_DAYS = "enrollment.employeeRegistrationDays";

    private Enrollment insertEnrollment(ShebaoUser by, long personId, CheckedEnrollment c, String byName) {
        Employer employer = c.employer();
        EnrollmentCategory category = c.category();
        InsuranceType type = c.type();
        LocalDate first = c.first();
        String remark = c.remark();
        String region = c.person().regionCode(); // the employer's too (checked above)
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id;
        try {
            id = jdbc.sql("""
                            INSERT INTO registry_enrollment (person_id, employer_id, category, insurance_type, first_insured_on,
                                   region_code, remark, created_at, created_by, employment_start, flags)
                            VALUES (:p, :e, :c, :t, :first, :region, :remark, :now, :by, :start, :flags) RETURNING id""")
                    .param("p", personId).param("e", employer == null ? null : employer.id())
                    .param("c", category.name()).param("t", type.name()).param("first", first)
                    .param("region", region).param("remark", remark).param("now", now).param("by", byName)
                    .param("start", c.employmentStart()).param("flags", c.flags())
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
        created.put("employmentStart", c.employmentStart() == null ? null : c.employmentStart().toString());
        created.put("flags", c.flags().isEmpty() ? null : c.flags());
        store.recordCreate(RegistryEntity.PERSON, personId, region, created, by, now);
        return enrollment(id);
    }

    private Enrollment enrollment(long id) {
        return jdbc.sql(RegistryStore.ENROLLMENT_SELECT + " WHERE en.id = :id").param("id", id)
                .query(store::mapEnrollment).single();
    }

    /** What 增员 did: the person (registered now when {@code personRegistered}) and the new enrollments. */
    public record Hired(Person person, boolean personRegistered, List<Enrollment> enrollments, long daysLate) {
    }

    /**
     * 增员: the employer (its own portal user, or a clerk of its region) enrolls an employee in the three insurances
     * ({@link #EMPLOYEE_INSURANCES}) from the first-insured date. The person is found by ID number, and the name must be
     * the registered one; someone not yet registered is registered now in the employer's region. A person registered
     * in another region is refused (their record moves with a transfer first), as is one with an open enrollment of
     * any of the three types elsewhere (the other employer's 减员 comes first). All or nothing.
     */
    @Transactional
    public Hired hire(ShebaoUser by, long employerId, HireData h) {
        Employer employer = store.employer(by, employerId);
        if (by.isStaff()) {
            store.requireWriter(by);
        }
        Violations v = Violations.of(validator.validate(h));
        IdNumber id = v.attempt(() -> IdNumber.parse(h.idNumber(), "idNumber"));
        v.date(h.employmentStart(), "employmentStart", true);
        v.throwIfAny();
        Optional<Long> found = jdbc.sql("SELECT id FROM registry_person WHERE id_index = :n")
                .param("n", store.idIndex(id.value())).query(Long.class).optional();
        Person person;
        boolean registered = false;
        if (found.isPresent()) {
            person = store.loadPerson(found.get());
            if (!person.regionCode().equals(employer.regionCode())) {
                throw InvalidInputException.of("idNumber", "error.hire.otherRegion", id.masked(),
                        jurisdictions.nameOf(person.regionCode()));
            }
            if (!person.name().equals(h.name())) {
                throw InvalidInputException.of("name", "error.hire.nameMismatch", id.masked());
            }
        } else {
            Jurisdiction region = jurisdictions.get(new RegionCode(employer.regionCode()));
            String issuer = id.value().substring(0, 6);
            String hukou = jurisdictions.find(new RegionCode(issuer)).isPresent() ? issuer : employer.regionCode();
            person = persons.register(by, new PersonData(id.value(), h.name(), h.phone(), hukou, employer.regionCode()),
                    region);
            registered = true;
        }
        List<Enrollment> made = new ArrayList<>();
        long daysLate = 0;
        LocalDate today = LocalDate.now(clock);
        for (InsuranceType type : EMPLOYEE_INSURANCES) {
            EnrollmentData d = new EnrollmentData(employerId, EnrollmentCategory.EMPLOYEE.name(), type.name(),
                    h.firstInsuredOn(), h.remark(), h.employmentStart());
            CheckedEnrollment c;
            try {
                c = checkEnrollment(by, person, d, today);
            } catch (ConflictException e) {
                throw new ConflictException("idNumber", "error.hire.enrolledElsewhere", id.masked(),
                        openEmployerName(person.id(), type));
            }
            daysLate = c.daysLate();
            made.add(insertEnrollment(by, person.id(), c, by.getUsername()));
        }
        return new Hired(person, registered, made, daysLate);
    }

    private String openEmployerName(long personId, InsuranceType type) {
        return jdbc.sql("""
                        SELECT coalesce(em.name, '') FROM registry_enrollment en
                          LEFT JOIN registry_employer em ON em.id = en.employer_id
                         WHERE en.person_id = :p AND en.insurance_type = :t AND en.ended_on IS NULL""")
                .param("p", personId).param("t", type.name()).query(String.class).optional().orElse("");
    }

    /**
     * 减员: the employer (or a clerk of its region) ends every open enrollment of the person with it, on the last day
     * of the employment, with the reason. The day may not be in the future nor before an enrollment's first day. Two
     * requests at once: one ends them, the other finds none open and is refused.
     */
    @Transactional
    public List<Enrollment> separate(ShebaoUser by, long employerId, long personId, SeparationData s) {
        Employer employer = store.employer(by, employerId);
        if (by.isStaff()) {
            store.requireWriter(by);
        }
        Violations v = Violations.of(validator.validate(s));
        LocalDate endedOn = v.date(s.endedOn(), "endedOn", true);
        SeparationReason reason = v.oneOf(s.reason(), SeparationReason.class, "reason");
        if (reason == null && (s.reason() == null || s.reason().isBlank())) {
            v.add("reason", "error.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (endedOn != null && endedOn.isAfter(today)) {
            v.add("endedOn", "error.date.future", today);
        }
        v.throwIfAny();
        List<Enrollment> open = jdbc.sql(RegistryStore.ENROLLMENT_SELECT
                        + " WHERE en.person_id = :p AND en.employer_id = :e AND en.ended_on IS NULL ORDER BY en.id FOR UPDATE OF en")
                .param("p", personId).param("e", employer.id()).query(store::mapEnrollment).list();
        if (open.isEmpty()) {
            throw new ConflictException("personId", "error.separation.noneOpen");
        }
        LocalDate latestStart = open.stream().map(Enrollment::firstInsuredOn).max(LocalDate::compareTo).orElseThrow();
        if (endedOn.isBefore(latestStart)) {
            throw InvalidInputException.of("endedOn", "error.separation.beforeStart", latestStart);
        }
        return end(by, open, endedOn, reason);
    }

    private List<Enrollment> end(ShebaoUser by, List<Enrollment> open, LocalDate endedOn, SeparationReason reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Enrollment> ended = new ArrayList<>();
        for (Enrollment e : open) {
            int n = jdbc.sql("""
                            UPDATE registry_enrollment SET ended_on = :d, end_reason = :r, ended_by = :by, ended_at = :now
                             WHERE id = :id AND ended_on IS NULL""")
                    .param("d", endedOn).param("r", reason.name()).param("by", by.getUsername()).param("now", now)
                    .param("id", e.id()).update();
            if (n == 0) {
                throw new ConflictException("personId", "error.separation.noneOpen");
            }
            store.insertChange(RegistryEntity.PERSON, e.personId(), e.regionCode(), ChangeAction.UPDATE,
                    "enrollment " + e.id() + " endedOn", null, endedOn + " " + reason.name(), by.getUsername(), now);
            ended.add(enrollment(e.id()));
        }
        return ended;
    }

    /**
     * A pension awarded: every open enrollment of the person ends on the day the person reached retirement (or on its
     * first day, if it began later), reason {@link SeparationReason#RETIRED}; the approver records it. Returns them.
     */
    @Transactional
    public List<Enrollment> endOnRetirement(ShebaoUser approver, long personId, LocalDate retiredOn) {
        if (!approver.has(Role.REVIEWER, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("registry change");
        }
        List<Enrollment> open = jdbc.sql(RegistryStore.ENROLLMENT_SELECT
                        + " WHERE en.person_id = :p AND en.ended_on IS NULL ORDER BY en.id FOR UPDATE OF en")
                .param("p", personId).query(store::mapEnrollment).list();
        List<Enrollment> ended = new ArrayList<>();
        for (Enrollment e : open) {
            LocalDate day = retiredOn.isBefore(e.firstInsuredOn()) ? e.firstInsuredOn() : retiredOn;
            ended.addAll(end(approver, List.of(e), day, SeparationReason.RETIRED));
        }
        return ended;
    }

    /**
     * A re-employment (失业保险条例 第十五条): the person's open employee enrollment whose employment began after
     * {@code after} (the employment's start, else its first-insured day), the earliest one. For the unemployment
     * module's stop check, run by the platform itself (no user), so it reveals nothing but the enrollment.
     */
    public Optional<Enrollment> reemploymentAfter(long personId, LocalDate after) {
        return jdbc.sql(RegistryStore.ENROLLMENT_SELECT + " " + """
                         WHERE en.person_id = :p AND en.category = 'EMPLOYEE' AND en.ended_on IS NULL
                           AND COALESCE(en.employment_start, en.first_insured_on) > :after
                         ORDER BY COALESCE(en.employment_start, en.first_insured_on), en.id LIMIT 1""")
                .param("p", personId).param("after", after).query(store::mapEnrollment).optional();
    }

    /**
     * The employer a person was enrolled with as an employee in an insurance on a day, without access checks: run by
     * the platform itself (a settlement worklist, issue 15 item 1), it reveals nothing but the employer's id.
     */
    public Optional<Long> employerOn(long personId, InsuranceType type, LocalDate day) {
        return jdbc.sql("""
                        SELECT employer_id FROM registry_enrollment
                         WHERE person_id = :p AND insurance_type = :t AND employer_id IS NOT NULL
                           AND first_insured_on <= :day AND (ended_on IS NULL OR ended_on >= :day)
                         ORDER BY first_insured_on, id LIMIT 1""")
                .param("p", personId).param("t", type.name()).param("day", day).query(Long.class).optional();
    }

    public List<Enrollment> enrollmentsOf(ShebaoUser by, long personId) {
        store.person(by, personId);
        return jdbc.sql(RegistryStore.ENROLLMENT_SELECT + " WHERE en.person_id = :p ORDER BY en.first_insured_on, en.id")
                .param("p", personId).query(store::mapEnrollment).list();
    }

    /**
     * The employee enrollments with an employer that cover some day of [from, to], with the persons' ID numbers (to
     * match an employer's declaration): for the employer's own portal user or staff of its region.
     */
    public List<Employment> employmentsOf(ShebaoUser by, long employerId, LocalDate from, LocalDate to) {
        store.employer(by, employerId);
        return jdbc.sql("""
                        SELECT en.person_id, pe.id_cipher, pe.name AS person_name, en.insurance_type, en.first_insured_on,
                               en.ended_on
                          FROM registry_enrollment en JOIN registry_person pe ON pe.id = en.person_id
                         WHERE en.employer_id = :e AND en.category = 'EMPLOYEE' AND en.first_insured_on <= :to
                           AND (en.ended_on IS NULL OR en.ended_on >= :from)
                         ORDER BY pe.name, en.person_id, en.insurance_type""")
                .param("e", employerId).param("from", from).param("to", to).query(store::mapEmployment).list();
    }

    /** The person's open enrollments with the employer (what 减员 would end), if the user may see the employer. */
    public List<Enrollment> openEmploymentsOf(ShebaoUser by, long employerId, long personId) {
        store.employer(by, employerId);
        return jdbc.sql(RegistryStore.ENROLLMENT_SELECT
                        + " WHERE en.person_id = :p AND en.employer_id = :e AND en.ended_on IS NULL ORDER BY en.id")
                .param("p", personId).param("e", employerId).query(store::mapEnrollment).list();
    }

    public Page<Enrollment> employeesOf(ShebaoUser by, long employerId, int page) {
        return employeesOf(by, employerId, page, "");
    }

    /**
     * The employer's enrollments, a page at a time, by name; {@code query} narrows them to a name beginning with it
     * or to one whole ID number (an HR clerk looking for one employee among hundreds).
     */
    public Page<Enrollment> employeesOf(ShebaoUser by, long employerId, int page, String query) {
        store.employer(by, employerId);
        long offset = Paging.offset(page, RegistryStore.PAGE_SIZE);
        String q = query == null ? "" : query.strip();
        String where = "";
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.length() == 18 && IdNumber.isValid(q.toUpperCase())) {
            where = " AND pe.id_index = :index";
            params.put("index", store.idIndex(q.toUpperCase()));
        } else if (!q.isEmpty()) {
            where = " AND pe.name LIKE :name";
            params.put("name", RegistryStore.likeEscape(q) + "%");
        }
        List<Enrollment> rows = jdbc.sql(RegistryStore.ENROLLMENT_SELECT + " WHERE en.employer_id = :e" + where
                        + " ORDER BY pe.name, en.person_id, en.id LIMIT :limit OFFSET :offset")
                .params(params).param("e", employerId).param("limit", RegistryStore.PAGE_SIZE + 1).param("offset", offset)
                .query(store::mapEnrollment).list();
        boolean hasNext = rows.size() > RegistryStore.PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, RegistryStore.PAGE_SIZE) : rows, page, RegistryStore.PAGE_SIZE, hasNext);
    }
}
