package org.shebao.registry;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.validation.Validator;
import lombok.RequiredArgsConstructor;
import org.shebao.common.ConflictException;
import org.shebao.common.CreditCode;
import org.shebao.common.Violations;
import org.shebao.identity.ShebaoUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.shebao.common.Paging;

/**
 * Employers (GB 32100 credit codes): registration with the agency contact (SX-5), edits, search in the user's region.
 */
@Service
@RequiredArgsConstructor
public class Employers {
    /** The longest evidence of a size class, in characters. */
    public static final int SIZE_EVIDENCE_MAX = 500;

    private final RegistryStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Validator validator;

    /** The employer, if the user may see it: staff of the region, or the employer's own portal user. */
    public Employer employer(ShebaoUser by, long employerId) {
        return store.employer(by, employerId);
    }

    /**
     * An employer's name, without access checks: the label of an item on a settlement worklist, which the staff of
     * the employer's region read (issue 15, item 1).
     */
    public Optional<String> nameOf(long employerId) {
        return jdbc.sql("SELECT name FROM registry_employer WHERE id = :id").param("id", employerId)
                .query(String.class).optional();
    }

    /**
     * The employer registered under a credit code, if the user may see it (staff of its region): a payment file of
     * the collection channel names employers by their code.
     */
    public Optional<Employer> employerByCreditCode(ShebaoUser by, CreditCode code) {
        return jdbc.sql("SELECT id FROM registry_employer WHERE credit_code = :c").param("c", code.value())
                .query(Long.class).optional().map(id -> store.employer(by, id))
                .filter(e -> by.isStaff());
    }

    /** An employer's history (staff of the region). */
    public List<Change> history(ShebaoUser by, long employerId) {
        return store.history(by, RegistryEntity.EMPLOYER, employerId);
    }

    @Transactional
    public Employer registerEmployer(ShebaoUser by, EmployerData d) {
        store.requireWriter(by);
        Violations v = Violations.of(validator.validate(d));
        CreditCode code = v.attempt(() -> CreditCode.parse(d.creditCode(), "creditCode"));
        RegistryStore.EmployerFields f = store.employerFields(v, by, d);
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
                                   agency_contact_user, agency_contact_name, agency_contact_phone, created_at, created_by,
                                   updated_at, updated_by)
                            VALUES (:code, :name, :region, :address, :cn, :cp, :au, :an, :ap, :now, :by, :now, :by) RETURNING id""")
                    .param("code", code.value()).param("name", f.name()).param("region", f.region())
                    .param("address", f.address()).param("cn", f.contactName()).param("cp", f.contactPhone())
                    .param("au", f.agencyUser()).param("an", f.agencyName()).param("ap", f.agencyPhone())
                    .param("now", now).param("by", by.getUsername())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("creditCode", "error.creditCode.duplicate", code.value());
        }
        Map<String, String> created = new LinkedHashMap<>();
        created.put("creditCode", code.value());
        created.putAll(f.asMap());
        store.recordCreate(RegistryEntity.EMPLOYER, newId, f.region(), created, by, now);
        return store.loadEmployer(newId);
    }

    @Transactional
    public Employer updateEmployer(ShebaoUser by, long employerId, int version, EmployerData d) {
        store.requireWriter(by);
        Employer before = store.employer(by, employerId);
        Violations v = Violations.of(validator.validate(d));
        if (d.creditCode() != null && !d.creditCode().isBlank()
                && !d.creditCode().strip().equalsIgnoreCase(before.creditCode())) {
            v.add("creditCode", "error.creditCode.immutable");
        }
        RegistryStore.EmployerFields f = store.employerFields(v, by, d);
        // the region (统筹区) is fixed once registered: it is the distribution column of the employer's rows
        if (f.region() != null && !f.region().equals(before.regionCode())) {
            v.add("regionCode", "error.regionCode.immutable");
        }
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                        UPDATE registry_employer SET name = :name, address = :address,
                               contact_name = :cn, contact_phone = :cp, agency_contact_user = :au, agency_contact_name = :an,
                               agency_contact_phone = :ap, updated_at = :now, updated_by = :by, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("name", f.name()).param("address", f.address())
                .param("cn", f.contactName()).param("cp", f.contactPhone()).param("au", f.agencyUser())
                .param("an", f.agencyName()).param("ap", f.agencyPhone()).param("now", now).param("by", by.getUsername())
                .param("id", employerId).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        store.recordDiff(RegistryEntity.EMPLOYER, employerId, before.regionCode(), by, now, new String[][]{
                {"name", before.name(), f.name()},
                {"address", before.address(), f.address()}, {"contactName", before.contactName(), f.contactName()},
                {"contactPhone", before.contactPhone(), f.contactPhone()},
                {"agencyContactName", before.agencyContactName(), f.agencyName()},
                {"agencyContactPhone", before.agencyContactPhone(), f.agencyPhone()}});
        return store.loadEmployer(employerId);
    }

    /**
     * Sets the employer's class (issue 11: an attribute of the employer, with its evidence and who set it): a clerk or
     * administrator of the employer's region, with the version read (optimistic locking). The evidence is required
     * (the 工信部联企业〔2011〕300号 figures, or a document reference); old and new values go into the history.
     */
    @Transactional
    public Employer classifySize(ShebaoUser by, long employerId, int version, String sizeClass, String evidence) {
        store.requireWriter(by);
        Employer before = store.employer(by, employerId);
        Violations v = new Violations();
        EmployerSize size = null;
        if (sizeClass == null || sizeClass.isBlank()) {
            v.add("sizeClass", "error.required");
        } else {
            try {
                size = EmployerSize.valueOf(sizeClass.strip());
            } catch (IllegalArgumentException e) {
                v.add("sizeClass", "error.sizeClass.unknown", sizeClass.strip());
            }
        }
        String text = v.text(evidence, "sizeEvidence", SIZE_EVIDENCE_MAX, true);
        v.throwIfAny();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int n = jdbc.sql("""
                        UPDATE registry_employer SET size_class = :size, size_evidence = :evidence, size_set_by = :by,
                               size_set_at = :now, updated_at = :now, updated_by = :by, version = version + 1
                         WHERE id = :id AND version = :version""")
                .param("size", size.name()).param("evidence", text).param("by", by.getUsername())
                .param("now", now).param("id", employerId).param("version", version).update();
        if (n == 0) {
            throw new ConflictException("version", "error.staleVersion");
        }
        store.recordDiff(RegistryEntity.EMPLOYER, employerId, before.regionCode(), by, now, new String[][]{
                {"sizeClass", before.sizeClass() == null ? null : before.sizeClass().name(), size.name()},
                {"sizeEvidence", before.sizeEvidence(), text}});
        return store.loadEmployer(employerId);
    }

    public Page<Employer> searchEmployers(ShebaoUser by, String query, int page) {
        return searchEmployers(by, query, false, page);
    }

    /** The employers of the user's region matching the query; {@code withoutContact}: only those without an agency contact (SX-5). */
    public Page<Employer> searchEmployers(ShebaoUser by, String query, boolean withoutContact, int page) {
        store.requireStaff(by);
        String q = query == null ? "" : query.strip();
        long offset = Paging.offset(page, RegistryStore.PAGE_SIZE);
        List<Employer> rows = jdbc.sql("""
                        SELECT * FROM registry_employer WHERE region_code LIKE :scope
                           AND (:q = '' OR credit_code LIKE upper(:q) || '%' OR name LIKE '%' || :like || '%')
                           AND (NOT :without OR agency_contact_user IS NULL)
                         ORDER BY name, id LIMIT :limit OFFSET :offset""")
                .param("scope", by.region().scopePrefix() + "%").param("q", q).param("like", store.likeEscape(q))
                .param("without", withoutContact)
                .param("limit", RegistryStore.PAGE_SIZE + 1).param("offset", offset)
                .query(store::mapEmployer).list();
        boolean hasNext = rows.size() > RegistryStore.PAGE_SIZE;
        return new Page<>(hasNext ? rows.subList(0, RegistryStore.PAGE_SIZE) : rows, page, RegistryStore.PAGE_SIZE, hasNext);
    }
}
