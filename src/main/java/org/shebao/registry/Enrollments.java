package org.shebao.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.ConflictException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.policy.Parameters;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.shebao.common.Paging;

/**
 * Enrollments of persons in an insurance, at the counter or as the effect of an approved online case, with the rules
 * of both (an employee needs an employer of the user's region; the minimum working age; one open enrollment per type).
 */
@Service
@RequiredArgsConstructor
public class Enrollments {
    private final RegistryStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Parameters parameters;
    private final Validator validator;

    @Transactional
    public Enrollment enroll(ShebaoUser by, long personId, EnrollmentData d) {
        store.requireWriter(by);
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
        Person person = store.person(by, personId);
        Violations v = Violations.of(validator.validate(d));
        EnrollmentCategory category = v.oneOf(d.category(), EnrollmentCategory.class, "category");
        InsuranceType type = v.oneOf(d.insuranceType(), InsuranceType.class, "insuranceType");
        LocalDate first = v.date(d.firstInsuredOn(), "firstInsuredOn", true);
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
        if (first != null) {
            LocalDate today = LocalDate.now(clock);
            if (first.isAfter(today)) {
                v.add("firstInsuredOn", "error.date.future", today);
            } else {
                // the rule in force on the day of registration applies, whatever the date registered
                int minAge = parameters.integer(RegistryStore.MIN_ENROLLMENT_AGE, new RegionCode(person.regionCode()), today);
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
        String region = c.person().regionCode(); // the employer's too (checked above)
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
        store.recordCreate(RegistryEntity.PERSON, personId, region, created, by, now);
        return enrollmentsOf(by, personId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
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

    public Page<Enrollment> employeesOf(ShebaoUser by, long employerId, int page) {
        store.employer(by, employerId);
        long offset = Paging.offset(page, RegistryStore.PAGE_SIZE);
        List<Enrollment> rows = jdbc.sql(RegistryStore.ENROLLMENT_SELECT
                        + " WHERE en.employer_id = :e ORDER BY pe.name, en.id LIMIT :limit OFFSET :offset")
                .param("e", employerId).param("limit", RegistryStore.PAGE_SIZE + 1).param("offset", offset)
                .query(store::mapEnrollment).list();
        boolean hasNext = rows.size() > RegistryStore.PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, RegistryStore.PAGE_SIZE) : rows, page, RegistryStore.PAGE_SIZE, hasNext);
    }
}
