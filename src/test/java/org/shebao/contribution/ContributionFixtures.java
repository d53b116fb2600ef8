package org.shebao.contribution;

import lombok.RequiredArgsConstructor;
import org.shebao.TestUsers;
import org.shebao.contribution.BillFixtures.Employee;
import org.shebao.identity.ShebaoUser;
import org.shebao.registry.Employer;
import org.shebao.registry.EmployerSize;
import org.shebao.registry.Employers;
import org.shebao.registry.Person;
import org.shebao.registry.Persons;
import org.shebao.registry.RegistryBulkLoad;
import org.springframework.stereotype.Component;

/**
 * {@link BillFixtures} as a Fuzhou clerk (fz.clerk) makes them, for the contribution tests and journeys: one bean
 * holding the registry services they need, instead of each test repeating them.
 */
@Component
@RequiredArgsConstructor
public class ContributionFixtures {
    private final TestUsers users;
    private final Employers employers;
    private final Persons persons;
    private final RegistryBulkLoad bulk;

    public ShebaoUser clerk() {
        return users.get("fz.clerk");
    }

    /** A fresh Fuzhou employer of the size class. */
    public Employer employer(EmployerSize size) {
        return BillFixtures.employer(employers, clerk(), size);
    }

    /** The employer classified as {@code size} (when it is not already). */
    public Employer classify(long employerId, EmployerSize size) {
        ShebaoUser clerk = clerk();
        return BillFixtures.classify(employers, clerk, employers.employer(clerk, employerId), size);
    }

    /** A fresh Fuzhou person enrolled with the employer since 2019-01-01. */
    public Employee employee(long employerId, String name) {
        return BillFixtures.employee(persons, bulk, clerk(), employerId, name);
    }

    /** A fresh Fuzhou person with no enrollment and no contribution history. */
    public Person person(String name) {
        return BillFixtures.person(persons, clerk(), name);
    }
}
