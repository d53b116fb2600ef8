package org.shebao.contribution;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.shebao.common.ConflictException;
import org.shebao.common.CreditCode;
import org.shebao.common.IdNumber;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerData;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.EnrollmentCategory;
import org.shebao.registry.InsuranceType;
import org.shebao.registry.RegistryBulkLoad;
import org.shebao.registry.Person;
import org.shebao.registry.PersonData;
import org.shebao.registry.Persons;

/**
 * Test data for declarations and bills, made through the registry's own services as a Fuzhou clerk would: a fresh
 * employer of a given size class, and employees enrolled with it in the three insurances since 2019-01-01. Those
 * enrollments are history (a counter registration today may not backdate them, FJ-5a), so they come in as the demo's
 * historical records do, through the registry's bulk loader.
 */
public final class BillFixtures {
    private static final AtomicInteger SEQ = new AtomicInteger(700);

    private BillFixtures() {
    }

    /** An employee: the person's id, full ID number (what the employer declares with) and name. */
    public record Employee(long personId, String idNumber, String name) {
    }

    /** A fresh Fuzhou employer classified as {@code size} by the clerk. */
    public static Employer employer(Employers employers, ShebaoUser clerk, EmployerSize size) {
        int n = SEQ.incrementAndGet();
        String first17 = "91350100MB" + String.format("%07d", n);
        Employer e = employers.registerEmployer(clerk, new EmployerData(first17 + CreditCode.checkChar(first17),
                "福州核定测试有限公司" + n, "350100", null, null, null, null, null));
        return classify(employers, clerk, e, size);
    }

    /** Classifies the employer (when it is not already of that class). */
    public static Employer classify(Employers employers, ShebaoUser clerk, Employer e, EmployerSize size) {
        if (e.sizeClass() == size) {
            return e;
        }
        return employers.classifySize(clerk, e.id(), e.version(), size.name(),
                "测试数据：按工信部联企业〔2011〕300号划型");
    }

    /** A new person of Fuzhou, enrolled with the employer in pension, unemployment and work injury from 2019-01-01. */
    public static Employee employee(Persons persons, RegistryBulkLoad bulk, ShebaoUser clerk, long employerId,
                                    String name) {
        Person p = person(persons, clerk, name);
        long personId = p.id();
        String region = p.regionCode();
        bulk.copyEnrollments(out -> {
            for (InsuranceType type : new InsuranceType[]{InsuranceType.ENTERPRISE_PENSION, InsuranceType.UNEMPLOYMENT,
                    InsuranceType.WORK_INJURY}) {
                out.accept(new RegistryBulkLoad.EnrollmentRow(personId, employerId, EnrollmentCategory.EMPLOYEE, type,
                        LocalDate.of(2019, 1, 1), region));
            }
        }, clerk.getUsername());
        return new Employee(p.id(), p.idNumber().value(), name);
    }

    /** A new person of Fuzhou with no enrollment and no contribution history (a flexible worker, say). */
    public static Person person(Persons persons, ShebaoUser clerk, String name) {
        Person p = null;
        while (p == null) {
            int n = SEQ.incrementAndGet();
            String first17 = "350102" + LocalDate.of(1985, 1, 1).plusDays(n % 3000).toString().replace("-", "")
                    + String.format("%03d", n % 1000);
            String id = first17 + IdNumber.checkChar(first17);
            try {
                p = persons.registerPerson(clerk, new PersonData(id, name, null, "350102", "350100"));
            } catch (ConflictException e) {
                // a demo person has this number already: take the next one
            }
        }
        return p;
    }
}
