package org.shebao.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import javax.sql.DataSource;
import lombok.RequiredArgsConstructor;
import org.shebao.common.PgCopy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import java.util.HexFormat;
import java.util.List;
import org.shebao.common.RegionCode;

/**
 * Bulk loading of registry rows through COPY, for the demo data and for benchmarks. The caller supplies valid
 * rows (the demo generator builds them with valid check digits); ids are reserved from the tables' sequences.
 */
@Service
@RequiredArgsConstructor
public class RegistryBulkLoad {
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final IdNumberCipher ids;

    private static String hex(byte[] bytes) {
        return "\\x" + HexFormat.of().formatHex(bytes);
    }

    public record PersonRow(long id, String idNumber, String name, String gender, LocalDate birthDate, String phone,
                            String hukouRegion, String regionCode) {
    }

    public record EmployerRow(long id, String creditCode, String name, String regionCode, String address,
                              String contactName, String contactPhone, String agencyContactUser,
                              String agencyContactName, String agencyContactPhone) {
    }

    public record EnrollmentRow(long personId, Long employerId, EnrollmentCategory category, InsuranceType type,
                                LocalDate firstInsuredOn, String regionCode) {
    }

    /** Reserves {@code n} consecutive person ids and returns the first. */
    public long reservePersonIds(int n) {
        return reserve("registry_person_id_seq", n);
    }

    public long reserveEmployerIds(int n) {
        return reserve("registry_employer_id_seq", n);
    }

    private long reserve(String sequence, int n) {
        long last = jdbc.sql("SELECT setval('" + sequence + "', nextval('" + sequence + "') + :n - 1)")
                .param("n", n).query(Long.class).single();
        return last - n + 1;
    }

    public long copyPersons(Consumer<Consumer<PersonRow>> rows, String by) {
        return PgCopy.copy(dataSource, personCopy(by), rows);
    }

    /**
     * The COPY of persons: ID numbers are stored encrypted with their blind index ({@link IdNumberCipher}), as bytea
     * in hex; created and updated now by {@code by}. Safe to use from several threads at once.
     */
    public PgCopy.Target<PersonRow> personCopy(String by) {
        String now = OffsetDateTime.now(clock).toString(); // formatted once, not per row
        return new PgCopy.Target<>("registry_person",
                "id, id_cipher, id_index, name, gender, birth_date, phone, hukou_region, region_code, created_at, created_by, "
                        + "updated_at, updated_by",
                (w, p) -> w.col(p.id()).col(hex(ids.encrypt(p.idNumber()))).col(hex(ids.index(p.idNumber())))
                        .col(p.name()).col(p.gender()).col(p.birthDate()).col(p.phone())
                        .col(p.hukouRegion()).col(p.regionCode()).col(now).col(by).col(now).col(by));
    }

    public long copyEmployers(Consumer<Consumer<EmployerRow>> rows, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return PgCopy.copy(dataSource, "registry_employer",
                "id, credit_code, name, region_code, address, contact_name, contact_phone, agency_contact_user, agency_contact_name, "
                        + "agency_contact_phone, created_at, created_by, updated_at, updated_by",
                w -> rows.accept(e -> {
                    w.col(e.id()).col(e.creditCode()).col(e.name()).col(e.regionCode()).col(e.address())
                            .col(e.contactName()).col(e.contactPhone()).col(e.agencyContactUser()).col(e.agencyContactName())
                            .col(e.agencyContactPhone()).col(now).col(by).col(now).col(by);
                    w.endRow();
                }));
    }

    public long copyEnrollments(Consumer<Consumer<EnrollmentRow>> rows, String by) {
        return PgCopy.copy(dataSource, enrollmentCopy(by), rows);
    }

    /** The COPY of enrollments, created now by {@code by}. */
    public PgCopy.Target<EnrollmentRow> enrollmentCopy(String by) {
        String now = OffsetDateTime.now(clock).toString();
        return new PgCopy.Target<>("registry_enrollment",
                "person_id, employer_id, category, insurance_type, first_insured_on, region_code, created_at, created_by",
                (w, e) -> w.col(e.personId()).col(e.employerId()).col(e.category().name()).col(e.type().name())
                        .col(e.firstInsuredOn()).col(e.regionCode()).col(now).col(by));
    }

    /** Refreshes the planner's statistics after a bulk load. */
    public void analyze() {
        jdbc.sql("ANALYZE registry_person").update();
        jdbc.sql("ANALYZE registry_employer").update();
        jdbc.sql("ANALYZE registry_enrollment").update();
    }

    /** Ids of the employers registered in a region (and below), in id order: for attaching generated persons. */
    public List<Long> employerIdsIn(String regionCode) {
        return jdbc.sql("SELECT id FROM registry_employer WHERE region_code LIKE :p ORDER BY id")
                .param("p", new RegionCode(regionCode).scopePrefix() + "%")
                .query(Long.class).list();
    }
}
