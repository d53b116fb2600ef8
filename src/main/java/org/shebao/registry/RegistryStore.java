package org.shebao.registry;

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
import lombok.RequiredArgsConstructor;
import org.shebao.common.AccessDeniedToRecordException;
import org.shebao.common.Gender;
import org.shebao.common.IdNumber;
import org.shebao.common.InvalidInputException;
import org.shebao.common.NotFoundException;
import org.shebao.common.RegionCode;
import org.shebao.common.Violations;
import org.shebao.identity.Role;
import org.shebao.identity.ShebaoUser;
import org.shebao.identity.Users;
import org.shebao.policy.Jurisdiction;
import org.shebao.policy.Jurisdictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's rows, shared by persons, employers and enrollments: access by region (staff see their region and
 * below, a portal user only their own record), the region a record may be managed in, reading rows by column name,
 * and the history of every change, typed by entity and action.
 */
@Component
@RequiredArgsConstructor
class RegistryStore {
    private static final Logger log = LoggerFactory.getLogger(RegistryStore.class);
    static final int PAGE_SIZE = 20;
    /** Minimum working age, a parameter (劳动法 第十五条: 16): no enrollment before that birthday. */
    static final String MIN_ENROLLMENT_AGE = "enrollment.minimumAge";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final IdNumberCipher ids;
    private final Clock clock;
    private final Users users;

    /**
     * The person, if the user may see them: staff of the agency holding the record or of one that held it (the
     * registration region's, read only: {@link #access}), or the person themselves.
     */
    Person person(ShebaoUser by, long personId) {
        Person p = loadPerson(personId);
        if (by.isStaff()) {
            if (!access(by, p).reads()) {
                log.warn("{} denied access to a person of region {}", by.getUsername(), p.regionCode());
                throw new AccessDeniedToRecordException("person");
            }
        } else if (by.role() != Role.INSURED_PERSON || !Objects.equals(by.personId(), personId)) {
            throw new AccessDeniedToRecordException("person");
        }
        return p;
    }

    /** The employer, if the user may see it: staff of the region, or the employer's own portal user. */
    Employer employer(ShebaoUser by, long employerId) {
        Employer e = loadEmployer(employerId);
        if (by.isStaff()) {
            requireRegion(by, e.regionCode(), "employer");
        } else if (by.role() != Role.EMPLOYER || !Objects.equals(by.employerId(), employerId)) {
            throw new AccessDeniedToRecordException("employer");
        }
        return e;
    }

    /**
     * The person, for a user who would work on them (edit, enroll, pay, a document, a new case): staff of the agency
     * holding the record (an agency that held it before is told which agency does now, at {@code field}), or the
     * person themselves.
     */
    Person personToServe(ShebaoUser by, long personId, String field) {
        Person p = person(by, personId);
        requireHolder(by, p, field);
        return p;
    }

    void requireHolder(ShebaoUser by, Person p, String field) {
        if (by.isStaff() && !access(by, p).serves()) {
            String holder = holderRegion(p);
            throw InvalidInputException.of(field, "error.person.recordHeld",
                    jurisdictions.find(new RegionCode(holder)).map(Jurisdiction::agency).orElse(holder));
        }
    }

    /**
     * The one rule of who may work on a person (国办发〔2009〕66号 暂行办法 第八条第（四）项: the receiving agency takes
     * the record over): the holding agency's staff serve; the staff of the registration region or of an agency that
     * held the record before read; others nothing. Without a transfer, the registration region holds.
     */
    RecordAccess access(ShebaoUser by, Person p) {
        if (!by.isStaff()) {
            return RecordAccess.NONE;
        }
        List<RecordHolding> held = holdings(p.id());
        String holder = holder(held, p);
        if (by.region().covers(new RegionCode(holder))) {
            return RecordAccess.HOLDER;
        }
        boolean former = by.region().covers(new RegionCode(p.regionCode())) || held.stream()
                .anyMatch(h -> by.region().covers(new RegionCode(h.fromRegion()))
                        || by.region().covers(new RegionCode(h.holderRegion())));
        return former ? RecordAccess.FORMER : RecordAccess.NONE;
    }

    /** The agency (city) holding the person's enterprise-pension record: the current holding's, else the registration's. */
    String holderRegion(Person p) {
        return holder(holdings(p.id()), p);
    }

    private static String holder(List<RecordHolding> held, Person p) {
        return held.stream().filter(RecordHolding::current).map(RecordHolding::holderRegion).findFirst()
                .orElse(new RegionCode(p.regionCode()).city().value());
    }

    /** The person's holdings after transfers, oldest first. */
    List<RecordHolding> holdings(long personId) {
        return jdbc.sql("""
                        SELECT holder_region, from_region, since, until, reference, months FROM registry_record_holding
                         WHERE person_id = :p ORDER BY since, id""").param("p", personId)
                .query((rs, i) -> new RecordHolding(rs.getString("holder_region"), rs.getString("from_region"),
                        rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class),
                        rs.getString("reference"), rs.getInt("months"))).list();
    }

    List<Change> history(ShebaoUser by, RegistryEntity entityType, long id) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("history");
        }
        if (entityType == RegistryEntity.PERSON) {
            person(by, id);
        } else {
            employer(by, id);
        }
        return jdbc.sql("""
                        SELECT id, action, field, old_value, new_value, changed_by, changed_at FROM registry_change
                         WHERE entity_type = :t AND entity_id = :id ORDER BY id DESC""")
                .param("t", entityType.name()).param("id", id)
                .query((rs, i) -> new Change(rs.getLong("id"), ChangeAction.valueOf(rs.getString("action")), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("changed_by"),
                        local(rs, "changed_at"))).list();
    }

    // ---------------------------------------------------------------- internals

    /** A stored instant in the platform's zone (Asia/Shanghai), as users read it; the driver gives UTC. */
    private OffsetDateTime local(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    Jurisdiction managedRegion(Violations v, ShebaoUser by, String raw) {
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

    record EmployerFields(String name, String region, String address, String contactName,
                                  String contactPhone, String agencyUser, String agencyName, String agencyPhone) {
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

    /** An employer's fields, its annotated rules checked by the caller: the region is the one left to check. */
    EmployerFields employerFields(Violations v, ShebaoUser by, EmployerData d) {
        Jurisdiction region = managedRegion(v, by, d.regionCode());
        String agencyUser = d.agencyContact() == null || d.agencyContact().isEmpty() ? null : d.agencyContact();
        String agencyName = null;
        if (agencyUser != null && region != null) {
            agencyName = users.staffOf(region.code().value()).stream().filter(u -> u.username().equals(agencyUser))
                    .map(Users.UserSummary::displayName).findFirst().orElse(null);
            if (agencyName == null) {
                v.add("agencyContact", "error.employer.agencyContact.notStaff", region.name());
            }
        }
        return new EmployerFields(d.name(), region == null ? null : region.code().value(), d.address(),
                d.contactName(), d.contactPhone(), agencyName == null ? null : agencyUser, agencyName,
                agencyName == null ? null : d.agencyContactPhone());
    }

    void requireStaff(ShebaoUser by) {
        if (!by.isStaff()) {
            throw new AccessDeniedToRecordException("registry search");
        }
    }

    void requireWriter(ShebaoUser by) {
        if (!by.has(Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedToRecordException("registry change");
        }
    }

    void requireRegion(ShebaoUser by, String regionCode, String what) {
        if (!by.region().covers(new RegionCode(regionCode))) {
            log.warn("{} denied access to a {} of region {}", by.getUsername(), what, regionCode);
            throw new AccessDeniedToRecordException(what);
        }
    }

    static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The blind index of an ID number, by which a registered person is found. */
    byte[] idIndex(String idNumber) {
        return ids.index(idNumber);
    }

    Person loadPerson(long id) {
        return jdbc.sql("SELECT * FROM registry_person WHERE id = :id").param("id", id).query(this::mapPerson)
                .optional().orElseThrow(() -> new NotFoundException("person"));
    }

    Employer loadEmployer(long id) {
        Employer e = findEmployer(id);
        if (e == null) {
            throw new NotFoundException("employer");
        }
        return e;
    }

    Employer findEmployer(long id) {
        return jdbc.sql("SELECT * FROM registry_employer WHERE id = :id").param("id", id).query(this::mapEmployer)
                .optional().orElse(null);
    }

    Person mapPerson(ResultSet rs, int i) throws SQLException {
        return new Person(rs.getLong("id"), IdNumber.parse(ids.decrypt(rs.getBytes("id_cipher"))), rs.getString("name"),
                Gender.valueOf(rs.getString("gender")), rs.getObject("birth_date", LocalDate.class),
                rs.getString("phone"), rs.getString("hukou_region"), rs.getString("region_code"), rs.getInt("version"),
                local(rs, "created_at"), rs.getString("created_by"),
                local(rs, "updated_at"), rs.getString("updated_by"));
    }

    Employer mapEmployer(ResultSet rs, int i) throws SQLException {
        return new Employer(rs.getLong("id"), rs.getString("credit_code"), rs.getString("name"),
                rs.getString("region_code"), rs.getString("address"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("agency_contact_name"),
                rs.getString("agency_contact_phone"), rs.getString("agency_contact_user"), rs.getInt("version"),
                local(rs, "created_at"), rs.getString("created_by"),
                local(rs, "updated_at"), rs.getString("updated_by"),
                rs.getString("size_class") == null ? null : EmployerSize.valueOf(rs.getString("size_class")),
                rs.getString("size_evidence"), rs.getString("size_set_by"),
                local(rs, "size_set_at"), rs.getInt("work_injury_risk_class"));
    }

    /** An employee's enrollment with the person's full ID number (decrypted here, never shown). */
    Employment mapEmployment(ResultSet rs, int i) throws SQLException {
        return new Employment(rs.getLong("person_id"), IdNumber.parse(ids.decrypt(rs.getBytes("id_cipher"))),
                rs.getString("person_name"), InsuranceType.valueOf(rs.getString("insurance_type")),
                rs.getObject("first_insured_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class));
    }

    static final String ENROLLMENT_SELECT = """
            SELECT en.*, pe.name AS person_name, pe.id_cipher, em.name AS employer_name
              FROM registry_enrollment en JOIN registry_person pe ON pe.id = en.person_id
              LEFT JOIN registry_employer em ON em.id = en.employer_id""";

    Enrollment mapEnrollment(ResultSet rs, int i) throws SQLException {
        return new Enrollment(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                IdNumber.mask(ids.decrypt(rs.getBytes("id_cipher"))), (Long) rs.getObject("employer_id"),
                rs.getString("employer_name"), EnrollmentCategory.valueOf(rs.getString("category")),
                InsuranceType.valueOf(rs.getString("insurance_type")),
                rs.getObject("first_insured_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
                rs.getString("region_code"), rs.getString("remark"), rs.getObject("employment_start", LocalDate.class),
                rs.getString("end_reason") == null ? null : SeparationReason.valueOf(rs.getString("end_reason")),
                rs.getString("flags"));
    }

    void recordCreate(RegistryEntity type, long id, String region, Map<String, String> values, ShebaoUser by,
                      OffsetDateTime now) {
        values.forEach((field, value) -> {
            if (value != null) {
                insertChange(type, id, region, ChangeAction.CREATE, field, null, value, by.getUsername(), now);
            }
        });
    }

    void recordDiff(RegistryEntity type, long id, String region, ShebaoUser by, OffsetDateTime now, String[][] fields) {
        List<String[]> changed = new ArrayList<>();
        for (String[] f : fields) {
            if (!Objects.equals(f[1], f[2])) {
                changed.add(f);
            }
        }
        for (String[] f : changed) {
            insertChange(type, id, region, ChangeAction.UPDATE, f[0], f[1], f[2], by.getUsername(), now);
        }
    }

    /** One line of an entity's history, in the entity's region (the distribution column). */
    void insertChange(RegistryEntity type, long id, String region, ChangeAction action, String field, String oldValue,
                      String newValue, String by, OffsetDateTime now) {
        jdbc.sql("""
                        INSERT INTO registry_change (entity_type, entity_id, region_code, action, field, old_value, new_value,
                                                     changed_by, changed_at)
                        VALUES (:t, :id, :region, :a, :f, :o, :n, :by, :at)""")
                .param("t", type.name()).param("id", id).param("region", region).param("a", action.name()).param("f", field).param("o", oldValue)
                .param("n", newValue).param("by", by).param("at", now).update();
    }
}
